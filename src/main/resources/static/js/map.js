// Draws a region's grids with Leaflet, without online tiles unless a tile URL is configured:
// community outlines and labels, residential and work-unit grids in two colours, compounds and
// units as points, coverage findings in red. Every label comes from the page (data-label-*).
(function () {
    const element = document.getElementById('map');
    if (!element || !window.L) {
        return;
    }
    const data = element.dataset;
    const map = L.map(element, {preferCanvas: true, attributionControl: false, zoomSnap: 0.25});
    if (data.tileUrl) {
        L.tileLayer(data.tileUrl, {maxZoom: 19}).addTo(map);
    }
    const text = (value) => document.createTextNode(value == null ? '' : String(value));
    const popup = (lines) => {
        const box = document.createElement('div');
        lines.forEach((line, index) => {
            if (index > 0) {
                box.appendChild(document.createElement('br'));
            }
            box.appendChild(text(line));
        });
        return box;
    };
    const json = (url) => fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then((response) => response.ok ? response.json() : Promise.reject(response.status));

    Promise.all([json(data.communities), json(data.grids), json(data.places), json(data.coverage)])
        .then(([communities, grids, places, coverage]) => {
            const gridLayer = L.geoJSON(grids, {
                style: (feature) => feature.properties.kind === 'RESIDENTIAL'
                    ? {color: '#1565c0', weight: 1, fillColor: '#64b5f6', fillOpacity: 0.25}
                    : {color: '#e65100', weight: 1, fillColor: '#ffb74d', fillOpacity: 0.25},
                onEachFeature: (feature, layer) => {
                    const p = feature.properties;
                    const box = popup([p.name, p.code,
                        p.kind === 'RESIDENTIAL' ? data.labelResidential : data.labelWorkUnit]);
                    const link = document.createElement('a');
                    link.href = data.gridPage.replace('GRID', encodeURIComponent(p.code));
                    link.appendChild(text(data.labelGridPage));
                    box.appendChild(document.createElement('br'));
                    box.appendChild(link);
                    layer.bindPopup(box);
                }
            }).addTo(map);
            L.geoJSON(communities, {
                style: {color: '#212121', weight: 2.5, fill: false},
                onEachFeature: (feature, layer) => layer.bindTooltip(text(feature.properties.name),
                    {permanent: true, direction: 'center', className: 'community-label'})
            }).addTo(map);
            L.geoJSON(places, {
                pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
                    radius: 3, weight: 1,
                    color: feature.properties.kind === 'COMPOUND' ? '#0d47a1' : '#bf360c',
                    fillOpacity: 0.9
                }),
                onEachFeature: (feature, layer) => layer.bindPopup(popup([feature.properties.name,
                    feature.properties.kind === 'COMPOUND' ? data.labelCompound : data.labelUnit,
                    feature.properties.grid]))
            }).addTo(map);
            coverage.findings.forEach((finding) => {
                L.circleMarker([finding.lat, finding.lon], {radius: 9, color: '#d50000', weight: 3, fill: false})
                    .bindPopup(popup([data.labelFinding + ' ' + finding.type, finding.gridCodes.join(', '),
                        finding.areaM2 > 0 ? data.labelArea + ' ' + finding.areaM2.toFixed(1) + ' m²' : '']))
                    .addTo(map);
            });
            const bounds = gridLayer.getBounds();
            if (bounds.isValid()) {
                map.fitBounds(bounds);
            } else {
                map.setView([26.08, 119.29], 13);
            }
            element.dataset.loaded = String(grids.features.length);
        })
        .catch(() => {
            element.dataset.loaded = 'error';
        });
})();

// While an import runs, show how far it is: the import writes its progress where any node can read it.
(function () {
    let timer = null;
    document.addEventListener('htmx:beforeRequest', (event) => {
        const element = event.detail.elt;
        const include = element.getAttribute('hx-include');
        const source = element.closest('[data-progress-url]') || (include ? document.querySelector(include) : null);
        if (!source || !source.dataset.progressUrl) {
            return;
        }
        const busy = source.querySelector('.htmx-indicator');
        const phases = {CHECKING: source.dataset.phaseChecking, SAVING: source.dataset.phaseSaving, DONE: source.dataset.phaseDone};
        clearInterval(timer);
        timer = setInterval(() => {
            fetch(source.dataset.progressUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
                .then((response) => response.ok ? response.json() : null)
                .then((progress) => {
                    if (progress && busy) {
                        busy.textContent = source.dataset.progressText
                            .replace('{0}', phases[progress.phase] || progress.phase)
                            .replace('{1}', progress.done).replace('{2}', progress.total);
                        busy.dataset.progress = progress.phase + ' ' + progress.done + '/' + progress.total;
                    }
                })
                .catch(() => {});
        }, 400);
    });
    document.addEventListener('htmx:afterRequest', () => {
        clearInterval(timer);
        timer = null;
    });
})();
