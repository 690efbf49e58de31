package org.wuyi.supervision.web;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.FastReports;
import org.wuyi.supervision.FiledReport;
import org.wuyi.supervision.Period;

/** Direct fast reports over HTTP: a grid leader files one; a region's completeness and timeliness for a day or a month. */
@RestController
class ReportApiController {

    /** A report as sent ({@code day} absent: today; {@code photos}: JPEG or PNG files in base64, at most three). */
    record Body(LocalDate day, String happened, String problems, String needs, java.util.List<String> photos) {
    }

    private final FastReports reports;

    ReportApiController(FastReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/grids/{grid}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    FiledReport file(@PathVariable String grid, @RequestBody Body body) {
        java.util.List<byte[]> photos = new java.util.ArrayList<>();
        for (String photo : body.photos() == null ? java.util.List.<String>of() : body.photos()) {
            try {
                photos.add(java.util.Base64.getMimeDecoder().decode(photo == null ? "" : photo));
            } catch (IllegalArgumentException notBase64) {
                throw new org.wuyi.platform.web.TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.photo.type");
            }
        }
        return reports.file(grid, new FastReports.Form(body.day(), body.happened(), body.problems(), body.needs(), photos));
    }

    @GetMapping("/api/v1/regions/{code}/reports")
    FastReports.Completeness completeness(@PathVariable String code, @RequestParam String period) {
        return reports.completeness(RegionService.parseCode(code), Period.named(period));
    }
}
