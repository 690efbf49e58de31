package org.wuyi.supervision.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.Bulletins;
import org.wuyi.supervision.Period;

/** Bulletins, their thresholds and accountability records over HTTP. */
@RestController
class BulletinApiController {

    record ThresholdBody(Double drillAcknowledged, Double requestsInTime, Integer leaderlessDays, Integer version) {
    }

    record PublishBody(String from, String to, String title, String note, List<Bulletins.Line> lines) {
    }

    record RecordBody(Long personId, String kind, String reason, String evidence, Long bulletinId) {
    }

    private final Bulletins bulletins;

    BulletinApiController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/api/v1/regions/{code}/bulletin-thresholds")
    Bulletins.Thresholds thresholds(@PathVariable String code) {
        return bulletins.thresholds(RegionService.parseCode(code));
    }

    @PutMapping("/api/v1/regions/{code}/bulletin-thresholds")
    Bulletins.Thresholds setThresholds(@PathVariable String code, @RequestBody ThresholdBody body) {
        return bulletins.setThresholds(RegionService.parseCode(code), body.drillAcknowledged(), body.requestsInTime(), body.leaderlessDays(),
                body.version() == null ? 0 : body.version());
    }

    @GetMapping("/api/v1/regions/{code}/bulletins/draft")
    Bulletins.Draft draft(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return bulletins.draft(RegionService.parseCode(code), Period.parse(from, to));
    }

    @PostMapping("/api/v1/regions/{code}/bulletins")
    @ResponseStatus(HttpStatus.CREATED)
    Bulletins.Published publish(@PathVariable String code, @RequestBody PublishBody body) {
        return bulletins.publish(RegionService.parseCode(code), Period.parse(body.from(), body.to()), body.title(), body.note(), body.lines());
    }

    @GetMapping("/api/v1/bulletins/{id}")
    Bulletins.Published bulletin(@PathVariable long id) {
        return bulletins.bulletin(id);
    }

    @PostMapping("/api/v1/accountability")
    @ResponseStatus(HttpStatus.CREATED)
    Bulletins.Record record(@RequestBody RecordBody body) {
        if (body.personId() == null) {
            throw new org.wuyi.platform.web.TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "bulletin.error.person");
        }
        return bulletins.record(body.personId(), body.kind(), body.reason(), body.evidence(), body.bulletinId());
    }

    @GetMapping("/api/v1/regions/{code}/accountability")
    List<Bulletins.Record> records(@PathVariable String code) {
        return bulletins.records(RegionService.parseCode(code));
    }

    @GetMapping("/api/v1/me/accountability")
    List<Bulletins.Record> mine() {
        return bulletins.mine();
    }
}
