package org.wuyi.request.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.request.Open311Service;

/** Open311 GeoReport v2 over HTTP (JSON only), keyed by {@code api_key}; errors as the spec lists them. */
@RestController
class Open311Controller {

    private final Open311Service open311;

    Open311Controller(Open311Service open311) {
        this.open311 = open311;
    }

    @GetMapping(value = "/open311/v2/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open311: the service list (Wuyi's request categories)")
    List<Map<String, Object>> services(@RequestParam(name = "api_key", required = false) String key) {
        return open311.services(key);
    }

    @GetMapping(value = "/open311/v2/services/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open311: a service's definition (no extra attributes)")
    Map<String, Object> definition(@PathVariable String code, @RequestParam(name = "api_key", required = false) String key) {
        return open311.definition(key, code);
    }

    @PostMapping(value = "/open311/v2/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open311: file a request (service_code, lat/long or address_string, description, first_name, phone, …)")
    ResponseEntity<List<Map<String, Object>>> post(@RequestParam Map<String, String> form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(open311.post(form.get("api_key"), form));
    }

    @GetMapping(value = "/open311/v2/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open311: requests of the client's region, by service_request_id or by service_code, status, start_date, end_date")
    List<Map<String, Object>> requests(@RequestParam(name = "api_key", required = false) String key,
                                       @RequestParam(name = "service_request_id", required = false) String ids,
                                       @RequestParam(name = "service_code", required = false) String serviceCode,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(name = "start_date", required = false) String start,
                                       @RequestParam(name = "end_date", required = false) String end) {
        return open311.requests(key, ids, serviceCode, status, date(start), date(end));
    }

    @GetMapping(value = "/open311/v2/requests/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open311: one request of the client's region")
    List<Map<String, Object>> request(@PathVariable String id, @RequestParam(name = "api_key", required = false) String key) {
        try {
            return open311.request(key, Long.parseLong(id));
        } catch (NumberFormatException notAnId) {
            throw new Open311Service.Open311Error(404, "service_request_id not found");
        }
    }

    private static java.time.Instant date(String text) {
        try {
            return text == null || text.isBlank() ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new Open311Service.Open311Error(400, "start_date / end_date: W3C format, e.g. 2026-12-01T00:00:00+08:00");
        }
    }

    @ExceptionHandler(Open311Service.Open311Error.class)
    ResponseEntity<List<Map<String, Object>>> error(Open311Service.Open311Error error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("description", error.getMessage());
        return ResponseEntity.status(error.code()).contentType(MediaType.APPLICATION_JSON).body(List.of(body));
    }
}
