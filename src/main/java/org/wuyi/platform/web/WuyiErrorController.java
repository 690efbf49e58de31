package org.wuyi.platform.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that never reached a controller (unknown paths, requests the firewall rejected, failures in
 * filters): a translated page for people, an RFC 9457 problem detail for everything else. Neither
 * shows an exception, a stack trace or the offending input.
 */
@Controller
class WuyiErrorController implements ErrorController {

    /** Statuses with a title and detail of their own in the message files. */
    private static final Set<Integer> KNOWN = Set.of(400, 401, 403, 404, 500);

    private final MessageSource messages;

    WuyiErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = RequestContextUtils.getLocale(request);
        String key = KNOWN.contains(status.value()) ? String.valueOf(status.value()) : "other";
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("error.title." + key, null, messages.getMessage("error.title", null, locale), locale));
        problem.setDetail(messages.getMessage("error.detail." + key, null, locale));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/")) {
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/_.-]", "")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
