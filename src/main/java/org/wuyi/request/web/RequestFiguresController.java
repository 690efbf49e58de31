package org.wuyi.request.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wuyi.platform.spreadsheet.SheetTable;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.request.RequestFigures;

/** A month's request figures per community: as a page, as JSON and as a spreadsheet. */
@Controller
class RequestFiguresController {

    private final RequestFigures figures;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    RequestFiguresController(RequestFigures figures, MessageSource messages, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    private YearMonth month(String text) {
        try {
            return text == null || text.isBlank() ? YearMonth.now(clock.withZone(zone)) : YearMonth.parse(text);
        } catch (DateTimeParseException notAMonth) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.figures.month");
        }
    }

    @GetMapping("/api/v1/regions/{code}/request-figures")
    @ResponseBody
    @Operation(summary = "A month's requests per community (month=YYYY-MM): count, median and 90th-percentile minutes to accept and to arrive, within-target, reopened and satisfied counts with their denominators")
    RequestFigures.Figures json(@PathVariable String code, @RequestParam(required = false) String month) {
        return figures.of(RegionService.parseCode(code), month(month));
    }

    @GetMapping("/regions/{code}/requests/figures")
    String page(@PathVariable String code, @RequestParam(required = false) String month, Model model) {
        YearMonth chosen = month(month);
        RequestFigures.Figures result = figures.of(RegionService.parseCode(code), chosen);
        model.addAttribute("figures", result);
        model.addAttribute("charts", FigureCharts.of(result).charts());
        model.addAttribute("previous", chosen.minusMonths(1));
        model.addAttribute("next", chosen.plusMonths(1));
        return "request/figures";
    }

    @GetMapping({"/api/v1/regions/{code}/request-figures.xlsx", "/regions/{code}/request-figures.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    @Operation(summary = "The same month's figures as a spreadsheet")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String month, Locale locale) {
        RequestFigures.Figures result = figures.of(RegionService.parseCode(code), month(month));
        List<List<String>> rows = new ArrayList<>();
        Stream.concat(result.units().stream(), Stream.of(result.total())).forEach(unit -> rows.add(List.of(unit.name(),
                String.valueOf(unit.requests()), text(unit.acceptMedian()), text(unit.acceptP90()), text(unit.arriveMedian()),
                text(unit.arriveP90()), share(unit.acceptedInTime(), unit.requests()), share(unit.arrivedInTime(), unit.arriveExpected()),
                share(unit.resolvedInTime(), unit.requests()), share(unit.reopened(), unit.requests()), share(unit.satisfied(), unit.verdicts()))));
        List<String> headers = Stream.of("unit", "requests", "accept-median", "accept-p90", "arrive-median", "arrive-p90", "accepted-in-time",
                "arrived-in-time", "resolved-in-time", "reopened", "satisfied").map(column -> messages.getMessage("request.figures." + column, null, locale)).toList();
        byte[] file = SheetTable.build(messages.getMessage("request.figures.sheet", null, locale), headers,
                List.of(20, 8, 12, 12, 12, 12, 16, 16, 16, 14, 14), rows);
        String name = messages.getMessage("request.figures.file", new Object[] {result.region(), result.month().toString()}, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(file);
    }

    private static String text(Double minutes) {
        return minutes == null ? "" : String.valueOf(minutes);
    }

    /** "7/9 (77.8%)": the numerator, the denominator and the share. */
    static String share(long numerator, long denominator) {
        return denominator == 0 ? numerator + "/0" : "%d/%d (%.1f%%)".formatted(numerator, denominator, 100.0 * numerator / denominator);
    }
}
