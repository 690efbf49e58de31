// The risk areas' map: the region's grids for context (on tiles when the district configures a tile server) and each
// declared area as a point at its compound, red for high, amber for medium, green for low. Labels come from the page.
(function () {
    const element = document.getElementById('risk-map');
    const points = document.querySelectorAll('#risk-points li');
    if (!element || !window.L) {
        return;
    }
    const map = L.map(element, {attributionControl: false, zoomSnap: 0.25});
    if (element.dataset.tileUrl) {
        L.tileLayer(element.dataset.tileUrl, {maxZoom: 19}).addTo(map);
    }
    const colours = {HIGH: '#d50000', MEDIUM: '#ff8f00', LOW: '#2e7d32'};
    const markers = [];
    points.forEach((point) => {
        const latlng = [Number(point.dataset.lat), Number(point.dataset.lon)];
        const colour = colours[point.dataset.level] || '#424242';
        markers.push(L.circleMarker(latlng, {radius: 9, color: colour, weight: 2, fillColor: colour, fillOpacity: 0.6})
            .bindTooltip(document.createTextNode(point.textContent)).addTo(map));
    });
    const group = L.featureGroup(markers);
    fetch(element.dataset.grids, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
        .then((response) => response.ok ? response.json() : Promise.reject(response.status))
        .then((grids) => L.geoJSON(grids, {style: {color: '#1565c0', weight: 1, fillOpacity: 0.05}}).addTo(map).bringToBack())
        .catch(() => null)
        .finally(() => {
            if (markers.length > 0) {
                map.fitBounds(group.getBounds().pad(0.5), {maxZoom: 16});
            } else {
                map.setView([26.08, 119.29], 13);
            }
            element.dataset.loaded = String(markers.length);
        });
})();
