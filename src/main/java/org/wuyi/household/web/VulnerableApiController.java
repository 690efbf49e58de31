package org.wuyi.household.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.household.VulnerableResident;
import org.wuyi.household.VulnerableResidents;

/** A grid's vulnerable residents over HTTP, for its leader and its community's secretary only; every read audited. */
@RestController
@RequestMapping("/api/v1/grids/{grid}/vulnerable-residents")
class VulnerableApiController {

    /** A resident as written: {@code version} names what was read when changing. */
    record Body(Long buildingId, String room, String name, List<String> kinds, String needs, String carer, Integer version) {
    }

    private final VulnerableResidents vulnerable;

    VulnerableApiController(VulnerableResidents vulnerable) {
        this.vulnerable = vulnerable;
    }

    @GetMapping
    List<VulnerableResident> list(@PathVariable String grid) {
        return vulnerable.ofGrid(grid);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VulnerableResident add(@PathVariable String grid, @RequestBody Body body) {
        return vulnerable.save(grid, null, null, form(body));
    }

    @PutMapping("/{id}")
    VulnerableResident change(@PathVariable String grid, @PathVariable long id, @RequestBody Body body) {
        return vulnerable.save(grid, id, body.version(), form(body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String grid, @PathVariable long id, @RequestParam int version) {
        vulnerable.remove(grid, id, version);
    }

    private static VulnerableResidents.Form form(Body body) {
        return new VulnerableResidents.Form(body.buildingId(), body.room(), body.name(), body.kinds(), body.needs(), body.carer());
    }
}
