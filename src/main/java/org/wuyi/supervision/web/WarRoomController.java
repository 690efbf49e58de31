package org.wuyi.supervision.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.supervision.WarRoom;

/**
 * The war-room screen: the full-screen page ({@code /regions/{code}/war-room}), the picture it reads
 * ({@code …/war-room.json}) and the server-sent events that tell it when to read again ({@code …/war-room/events}).
 */
@Controller
class WarRoomController {

    private final WarRoom warRoom;
    private final java.time.ZoneId zone;

    WarRoomController(WarRoom warRoom, java.time.ZoneId wuyiTimeZone) {
        this.warRoom = warRoom;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/regions/{code}/war-room")
    String screen(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        warRoom.check(region);
        model.addAttribute("code", region.value());
        model.addAttribute("zone", zone.getId());
        return "supervision/war-room";
    }

    @GetMapping(value = "/regions/{code}/war-room.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    WarRoom.Picture picture(@PathVariable String code) {
        return warRoom.picture(RegionService.parseCode(code));
    }

    @GetMapping(value = "/regions/{code}/war-room/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable String code) {
        return warRoom.stream(RegionService.parseCode(code));
    }
}
