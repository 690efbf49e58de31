// The war-room screen: reads the whole picture, draws it, and reads it again whenever the server says something changed
// (server-sent events: one stream per screen, no polling). The stream reconnects by itself after a restart and the
// picture is read again on every (re)connection. Request timers count down here, second by second. Labels come from the page.
(function () {
    const root = document.getElementById('war-room');
    if (!root) {
        return;
    }
    const data = root.dataset;
    const $ = (id) => document.getElementById(id);
    const text = (value) => document.createTextNode(value == null ? '' : String(value));
    const item = (parts) => {
        const li = document.createElement('li');
        parts.forEach((part) => li.appendChild(typeof part === 'string' ? text(part) : part));
        return li;
    };
    const tag = (label) => {
        const span = document.createElement('span');
        span.className = 'wr-tag';
        span.appendChild(text(label));
        return span;
    };
    let map = null;
    let grids = null;
    let areas = null;
    let requests = [];
    let active = new Map();

    if (window.L) {
        map = L.map($('wr-map'), {attributionControl: false, zoomControl: false, zoomSnap: 0.25});
        fetch(data.grids, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then((response) => response.ok ? response.json() : Promise.reject(response.status))
            .then((geojson) => {
                grids = L.geoJSON(geojson, {style: style}).addTo(map);
                if (grids.getBounds().isValid()) {
                    map.fitBounds(grids.getBounds());
                }
            })
            .catch(() => map.setView([26.08, 119.29], 13));
        areas = L.layerGroup().addTo(map);
    }

    function style(feature) {
        const state = active.get(feature.properties.code);
        if (state === 'REAL') {
            return {color: '#ff5252', weight: 1, fillColor: '#ff1744', fillOpacity: 0.6};
        }
        if (state === 'DRILL') {
            return {color: '#64b5f6', weight: 1, fillColor: '#1e88e5', fillOpacity: 0.45};
        }
        return {color: '#3a4a6b', weight: 0.5, fillColor: '#1c2a47', fillOpacity: 0.5};
    }

    function render(picture) {
        $('wr-name').textContent = picture.name;
        $('wr-activated').textContent = picture.activated;
        $('wr-drills').textContent = picture.drills;
        $('wr-high').textContent = picture.areasByLevel.HIGH || 0;
        $('wr-medium').textContent = picture.areasByLevel.MEDIUM || 0;
        $('wr-low').textContent = picture.areasByLevel.LOW || 0;
        $('wr-requests').textContent = picture.openRequests;
        $('wr-overdue').textContent = picture.overdueRequests;
        active = new Map(picture.active.map((a) => [a.gridCode, a.drill ? 'DRILL' : 'REAL']));
        const list = $('wr-active');
        list.replaceChildren(...picture.active.slice(0, 12).map((a) => item(a.drill ? [tag(data.labelDrill), a.gridName + ' ' + a.activatedAt.substring(5, 16)]
            : [a.gridName + ' ' + a.activatedAt.substring(5, 16)])));
        $('wr-latest').replaceChildren(...picture.latest.map((a) => item([a.drill ? tag(data.labelDrill) : '',
            a.activatedAt.substring(5, 16) + ' ' + a.gridName + ' ' + data.labelActivated])));
        requests = picture.requests;
        timers();
        if (grids) {
            grids.setStyle(style);
        }
        if (areas) {
            areas.clearLayers();
            const colours = {HIGH: '#ff1744', MEDIUM: '#ffb300', LOW: '#66bb6a'};
            picture.areas.forEach((area) => L.circleMarker([area.lat, area.lon], {radius: 10, color: colours[area.level], weight: 3,
                fillOpacity: 0.7}).bindTooltip(text(area.label)).addTo(areas));
        }
        data.activated = String(picture.activated);
        data.updated = String(Date.now());
    }

    function timers() {
        const now = Date.now();
        $('wr-request-list').replaceChildren(...requests.map((r) => {
            const left = Math.round((Date.parse(r.due) - now) / 60000);
            const timer = document.createElement('span');
            timer.className = left < 0 ? 'wr-late' : '';
            timer.appendChild(text(left < 0 ? data.labelOverdue.replace('{0}', -left) : data.labelMinutes.replace('{0}', left)));
            return item([r.urgent ? tag('!') : '', r.category + ' · ' + r.place + ' · ', timer]);
        }));
    }

    function load() {
        fetch(data.picture, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then((response) => response.ok ? response.json() : Promise.reject(response.status))
            .then(render)
            .catch(() => null);
    }

    function clock() {
        $('wr-clock').textContent = new Date().toLocaleString(document.documentElement.lang || 'zh-CN', {hour12: false, timeZone: data.zone});
    }

    const link = $('wr-link');
    const source = new EventSource(data.events);
    source.addEventListener('hello', () => {
        link.textContent = link.dataset.ok;
        data.connected = 'true';
        load();
    });
    source.addEventListener('changed', load);
    source.addEventListener('tick', load);
    source.onerror = () => {
        link.textContent = link.dataset.lost;
        data.connected = 'false';
    };
    setInterval(() => {
        clock();
        timers();
    }, 1000);
    clock();
})();
