package org.wuyi.request.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wuyi.platform.web.PhotoCheck;

/**
 * A photo too large is turned back before it is read: the resident's page says so in words, instead of an upload
 * error (a 30 MB file is answered at once, by its declared length).
 */
@Component
class PhotoSizeFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().matches("/h/[^/]+/photo"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > PhotoCheck.MAX_BYTES + 64 * 1024) {
            String uri = request.getRequestURI();
            response.sendRedirect(uri.substring(0, uri.length() - "/photo".length()) + "?photo=too-large");
            return;
        }
        chain.doFilter(request, response);
    }
}
