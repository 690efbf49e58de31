package org.wuyi.request;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridLocation;
import org.wuyi.grid.GridService;
import org.wuyi.request.internal.Open311Clients;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.shared.MobileNumber;

/**
 * Wuyi as an Open311 GeoReport v2 endpoint for the city's hotline and apps: the services (Wuyi's categories), filing a
 * request (placed by {@code lat}/{@code long}, or by an {@code address_string} naming one compound of the client's
 * region — when several bear that name, its street address in the text says which, else the answer lists them), and reading requests back with {@code status}
 * open/closed, {@code agency_responsible} (the grid), {@code expected_datetime} (the resolve target) and Wuyi's own fields
 * in an extension object. Every call names its client by API key and sees only that client's region. Errors are the
 * spec's: a list of {@code code} and {@code description}.
 */
@Service
public class Open311Service {

    /** An Open311 error: its HTTP code and description. */
    public static class Open311Error extends RuntimeException {
        private final int code;

        public Open311Error(int code, String description) {
            super(description);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Open311Clients clients;
    private final org.wuyi.request.internal.CategoryStore categories;
    private final RequestIntake intake;
    private final RequestStore requests;
    private final GridService gridService;
    private final GridDirectory grids;
    private final MessageSource messages;
    private final ZoneId zone;

    Open311Service(Open311Clients clients, org.wuyi.request.internal.CategoryStore categories, RequestIntake intake, RequestStore requests, GridService gridService, GridDirectory grids,
                   MessageSource messages, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.clients = clients;
        this.categories = categories;
        this.intake = intake;
        this.requests = requests;
        this.gridService = gridService;
        this.grids = grids;
        this.messages = messages;
        this.zone = zone;
    }

    private Open311Clients.Client client(String key) {
        if (key == null || key.isBlank()) {
            throw new Open311Error(400, text("open311.error.api-key-missing"));
        }
        return clients.byKey(key).orElseThrow(() -> new Open311Error(403, text("open311.error.api-key")));
    }

    public List<Map<String, Object>> services(String key) {
        client(key);
        return intake.categories().stream().map(this::service).toList();
    }

    public Map<String, Object> definition(String key, String code) {
        client(key);
        Category category = Optional.ofNullable(intake.category(code)).orElseThrow(() -> new Open311Error(404, text("open311.error.service")));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", category.code());
        definition.put("attributes", List.of());
        return definition;
    }

    /** Files a request; the list the spec answers with: its id. */
    @Transactional
    public List<Map<String, Object>> post(String key, Map<String, String> form) {
        Open311Clients.Client client = client(key);
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Error(400, text("open311.error.service-missing"));
        }
        Category category = Optional.ofNullable(intake.category(code)).orElseThrow(() -> new Open311Error(404, text("open311.error.service")));
        RequestIntake.Place place = place(client, form);
        String name = (form.getOrDefault("last_name", "") + form.getOrDefault("first_name", "")).strip();
        Map<String, String> problems = new LinkedHashMap<>();
        RequestIntake.Who who = intake.who(name.isEmpty() ? text("open311.anonymous") : name, form.get("phone"), form.get("description"),
                problems);
        if (!problems.isEmpty()) {
            Map<String, String> open311Names = Map.of("mobile", "phone", "name", "first_name", "description", "description");
            throw new Open311Error(400, problems.keySet().stream().map(field -> open311Names.getOrDefault(field, field) + ": "
                            + text(problems.get(field)))
                    .reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        RequestIntake.Taken taken = intake.create(null, "OPEN311", category, false, place, who.name(), who.mobile(), who.description(),
                "open311:" + client.name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", String.valueOf(taken.request().id()));
        answer.put("service_notice", "");
        answer.put("account_id", null);
        return List.of(answer);
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> request(String key, long id) {
        Open311Clients.Client client = client(key);
        RequestStore.Row row = requests.find(id).filter(found -> client.region().containsCode(found.gridCode()))
                .orElseThrow(() -> new Open311Error(404, text("open311.error.request")));
        return List.of(view(row));
    }

    /** Requests of the client's region: by ids, or filtered by service, status and dates (the spec's 90 days and 1,000 at most). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> requests(String key, String ids, String serviceCode, String status, Instant start, Instant end) {
        Open311Clients.Client client = client(key);
        List<RequestStore.Row> rows = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            for (String each : ids.split(",")) {
                try {
                    requests.find(Long.parseLong(each.strip())).filter(row -> client.region().containsCode(row.gridCode())).ifPresent(rows::add);
                } catch (NumberFormatException notAnId) {
                    throw new Open311Error(400, text("open311.error.request-id"));
                }
            }
        } else {
            Instant to = end == null ? Instant.now() : end;
            Instant from = start == null ? to.minus(java.time.Duration.ofDays(90)) : start;
            rows.addAll(requests.between(client.region(), from, to, 1000));
        }
        return rows.stream().filter(row -> serviceCode == null || serviceCode.isBlank() || row.category().equals(serviceCode))
                .filter(row -> status == null || status.isBlank() || status.equals(closed(row) ? "closed" : "open"))
                .map(this::view).toList();
    }

    private RequestIntake.Place place(Open311Clients.Client client, Map<String, String> form) {
        String lat = form.get("lat");
        String lon = form.get("long");
        if (lat != null && lon != null && !lat.isBlank() && !lon.isBlank()) {
            double latitude;
            double longitude;
            try {
                latitude = Double.parseDouble(lat);
                longitude = Double.parseDouble(lon);
            } catch (NumberFormatException notANumber) {
                throw new Open311Error(400, text("open311.error.lat-long"));
            }
            GridLocation grid = gridService.locateIn(client.region(), longitude, latitude)
                    .orElseThrow(() -> new Open311Error(400, text("open311.error.outside")));
            return new RequestIntake.Place(grid.code(), null, null, null, longitude, latitude, grid.name());
        }
        String address = form.get("address_string");
        if (address == null || address.isBlank()) {
            throw new Open311Error(400, text("open311.error.location"));
        }
        String text = address.replaceAll("\\s+", "");
        List<CompoundView> named = new ArrayList<>();
        int longest = 0;
        for (CompoundView compound : grids.compounds(client.region())) {
            if (text.contains(compound.name()) && compound.name().length() >= longest) {
                if (compound.name().length() > longest) {
                    named.clear();
                    longest = compound.name().length();
                }
                named.add(compound);
            }
        }
        if (named.isEmpty()) {
            throw new Open311Error(400, text("open311.error.address"));
        }
        if (named.size() > 1) {
            // a compound's street address in the text says which one (the client answers the question below so)
            List<CompoundView> addressed = named.stream().filter(compound -> !compound.address().isBlank()
                    && text.contains(compound.address().replaceAll("\\s+", ""))).toList();
            if (addressed.size() == 1) {
                named = addressed;
            }
        }
        if (named.size() > 1) {
            Map<String, String> where = new LinkedHashMap<>();
            named.forEach(compound -> where.put(compound.name() + "（" + compound.address() + "）", compound.name()));
            throw new Open311Error(400, messages.getMessage("open311.error.address-ambiguous",
                    new Object[] {String.join("、", where.keySet())}, Locale.SIMPLIFIED_CHINESE));
        }
        CompoundView compound = named.getFirst();
        String rest = text.substring(text.indexOf(compound.name()) + compound.name().length());
        String building = compound.buildings().stream().filter(name -> !rest.isEmpty() && rest.startsWith(name)).findFirst().orElse(null);
        return new RequestIntake.Place(compound.gridCode(), compound.id(), building, null, null, null,
                compound.name() + (building == null ? "" : " " + building));
    }

    private Map<String, Object> service(Category category) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", category.nameZh());
        service.put("description", category.nameEn());
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", category.firstRoles().stream().map(Enum::name).reduce((a, b) -> a + "," + b).orElse(""));
        service.put("group", category.lifeSafety() ? "urgent" : "daily");
        return service;
    }

    private static boolean closed(RequestStore.Row row) {
        return row.state() == RequestState.RESOLVED || row.state() == RequestState.CLOSED;
    }

    private Map<String, Object> view(RequestStore.Row row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", String.valueOf(row.id()));
        view.put("status", closed(row) ? "closed" : "open");
        view.put("status_notes", messages.getMessage("request.state." + row.state(), null, Locale.SIMPLIFIED_CHINESE));
        view.put("service_name", categories.anyState(row.category()).map(Category::nameZh).orElse(row.category()));
        view.put("service_code", row.category());
        view.put("description", row.description());
        view.put("agency_responsible", row.gridCode());
        view.put("service_notice", "");
        view.put("requested_datetime", time(row.createdAt()));
        view.put("updated_datetime", time(latest(row)));
        view.put("expected_datetime", time(row.resolveDue()));
        view.put("address", row.building() == null ? null : row.building() + (row.room() == null ? "" : " " + row.room()));
        view.put("address_id", row.compoundId() == null ? null : String.valueOf(row.compoundId()));
        view.put("zipcode", null);
        view.put("lat", row.lat());
        view.put("long", row.lon());
        view.put("media_url", null);
        Map<String, Object> wuyi = new LinkedHashMap<>();
        wuyi.put("gridCode", row.gridCode());
        wuyi.put("role", row.role());
        wuyi.put("routedToLeader", row.routedToLeader());
        wuyi.put("state", row.state().name());
        wuyi.put("acceptDue", time(row.acceptDue()));
        wuyi.put("arriveDue", time(row.arriveDue()));
        wuyi.put("resolveDue", time(row.resolveDue()));
        view.put("extensions", Map.of("wuyi", wuyi));
        return view;
    }

    private static Instant latest(RequestStore.Row row) {
        Instant latest = row.createdAt();
        for (Instant at : new Instant[] {row.acceptedAt(), row.arrivedAt(), row.resolvedAt(), row.closedAt()}) {
            if (at != null && at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }

    private String time(Instant at) {
        return at == null ? null : W3C.format(at.atZone(zone));
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }
}
