package org.wuyi.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.volunteer.RotaJobView;
import org.wuyi.volunteer.RotaJobs;

@RestController
class RotaApiController {

    record SolveRequest(LocalDate from, LocalDate to) {
    }

    private final RotaJobs rotas;

    RotaApiController(RotaJobs rotas) {
        this.rotas = rotas;
    }

    @PostMapping("/api/v1/compounds/{id}/rota/solve")
    @Operation(summary = "Queue a compound's gate rota for these days (1–14, from today); solved in the background; 202 with the job")
    ResponseEntity<RotaJobView> solve(@PathVariable long id, @RequestBody SolveRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rotas.solve(id, request == null ? null : request.from(),
                request == null ? null : request.to()));
    }

    @GetMapping("/api/v1/rota-jobs/{id}")
    @Operation(summary = "A rota job: QUEUED, SOLVING (best score so far), DONE (score, fairness, gaps in words, the account per rule) or FAILED")
    RotaJobView job(@PathVariable long id) {
        return rotas.job(id);
    }
}
