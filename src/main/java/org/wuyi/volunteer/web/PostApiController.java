package org.wuyi.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.volunteer.GatePost;
import org.wuyi.volunteer.PostService;

@RestController
class PostApiController {

    private final PostService posts;

    PostApiController(PostService posts) {
        this.posts = posts;
    }

    @GetMapping("/api/v1/compounds/{id}/posts")
    @Operation(summary = "A compound's gate posts: headcount per hour, hours, days (Monday first), older volunteers, required skill")
    List<GatePost> list(@PathVariable long id) {
        return posts.posts(id);
    }

    @PostMapping("/api/v1/compounds/{id}/posts")
    @Operation(summary = "Add a post at one of the compound's gates (community secretary and above); 422 in words when wrong")
    ResponseEntity<GatePost> add(@PathVariable long id, @RequestBody PostService.PostForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(posts.add(id, form));
    }

    @PutMapping("/api/v1/posts/{id}")
    @Operation(summary = "Change a post read at its version (409 when stale)")
    GatePost change(@PathVariable long id, @RequestBody PostService.PostForm form) {
        return posts.change(id, form);
    }

    @DeleteMapping("/api/v1/posts/{id}")
    @Operation(summary = "Remove a post read at its version (409 when stale)")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestParam int version) {
        posts.remove(id, version);
        return ResponseEntity.noContent().build();
    }
}
