// The help page's map: the community's compounds as labelled points (on tiles when the district configures a tile
// server), a tap anywhere puts the point in the form's hidden lon/lat and clears the compound list; "我的位置" uses
// the phone's own location. Without JavaScript the compound list still works. Every label comes from the page.
(function () {
    const part = document.getElementById('map-part');
    const element = document.getElementById('help-map');
    const open = document.getElementById('show-map');
    if (!part || !element || !open || !window.L) {
        if (open) {
            open.hidden = true;
        }
        return;
    }
    const data = element.dataset;
    const lon = document.getElementById('lon');
    const lat = document.getElementById('lat');
    const place = document.getElementById('place');
    const chosen = document.getElementById('map-chosen');
    let map = null;
    let marker = null;

    const choose = (latlng) => {
        lon.value = latlng.lng.toFixed(6);
        lat.value = latlng.lat.toFixed(6);
        if (place) {
            place.value = '';
        }
        if (marker) {
            marker.setLatLng(latlng);
        } else {
            marker = L.marker(latlng).addTo(map);
        }
        chosen.textContent = data.labelChosen.replace('{0}', lon.value).replace('{1}', lat.value);
    };

    const draw = () => {
        map = L.map(element, {attributionControl: false, zoomSnap: 0.25});
        element.wuyiMap = map;
        if (data.tileUrl) {
            L.tileLayer(data.tileUrl, {maxZoom: 19}).addTo(map);
        }
        const points = [];
        const items = document.querySelectorAll('#compound-points li');
        // names always shown while they fit; for a crowded community, on touch
        const named = items.length <= 12;
        items.forEach((item) => {
            const at = [Number(item.dataset.lat), Number(item.dataset.lon)];
            points.push(at);
            L.circleMarker(at, {radius: 6, color: '#1565c0', fillOpacity: 0.6})
                .bindTooltip(item.textContent, {permanent: named, direction: 'top', className: 'small'})
                .on('click', (event) => choose(event.latlng))
                .addTo(map);
        });
        if (points.length > 0) {
            map.fitBounds(L.latLngBounds(points).pad(0.2));
        } else {
            map.setView([26.08, 119.29], 14);
        }
        map.on('click', (event) => choose(event.latlng));
        if (lon.value && lat.value) {
            choose(L.latLng(Number(lat.value), Number(lon.value)));
        }
    };

    const show = () => {
        part.hidden = false;
        if (!map) {
            draw();
        }
        map.invalidateSize();
    };
    open.addEventListener('click', show);
    if (!part.hidden) {
        show();
    }
    if (place) {
        place.addEventListener('change', () => {
            if (place.value) {
                lon.value = '';
                lat.value = '';
                chosen.textContent = '';
                if (marker) {
                    marker.remove();
                    marker = null;
                }
            }
        });
    }
    document.getElementById('use-location').addEventListener('click', () => {
        if (!navigator.geolocation) {
            chosen.textContent = data.labelNoLocation;
            return;
        }
        navigator.geolocation.getCurrentPosition(
            (position) => {
                const here = L.latLng(position.coords.latitude, position.coords.longitude);
                map.setView(here, 17);
                choose(here);
            },
            () => { chosen.textContent = data.labelNoLocation; },
            {enableHighAccuracy: true, timeout: 10000});
    });
}());
