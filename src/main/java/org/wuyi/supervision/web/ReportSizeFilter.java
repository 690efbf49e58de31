package org.wuyi.supervision.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A report whose photos together exceed what a request may carry is turned back before it is read: the leader's page
 * says so in words (nothing is saved), instead of an upload error.
 */
@Component
class ReportSizeFilter extends OncePerRequestFilter {

    private final long limit;

    ReportSizeFilter(@Value("${spring.servlet.multipart.max-request-size:12MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().matches("/grids/[0-9]{16}/report"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.sendRedirect(request.getRequestURI() + "?photos=too-large");
            return;
        }
        chain.doFilter(request, response);
    }
}
