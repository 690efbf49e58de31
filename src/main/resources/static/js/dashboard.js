// The dashboard's charts, each drawn from the table beneath it (the table stays: for screen readers, for copying, for
// export): data-chart="bar" draws every numeric column but the one named by data-line, which becomes a line of
// percentages on its own axis; data-chart="doughnut" draws the table's rows.
(function () {
    if (!window.Chart) {
        return;
    }
    const number = (cell) => {
        const value = parseFloat(cell.textContent.split('/')[0]);
        return Number.isFinite(value) ? value : null;
    };
    const colours = ['#c62828', '#1e88e5', '#43a047', '#fb8c00', '#8e24aa'];
    document.querySelectorAll('table[data-chart]').forEach((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
        const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
        const canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', table.getAttribute('aria-label') || heads.join(', '));
        const box = document.createElement('div');
        box.style.height = table.dataset.chart === 'doughnut' ? '10rem' : '16rem';
        box.appendChild(canvas);
        table.parentNode.insertBefore(box, table);
        if (table.dataset.chart === 'doughnut') {
            new Chart(canvas, {type: 'doughnut', data: {labels: rows.map((r) => r[0].textContent),
                datasets: [{data: rows.map((r) => number(r[1])), backgroundColor: ['#d50000', '#ff8f00', '#2e7d32']}]},
                options: {maintainAspectRatio: false, plugins: {legend: {position: 'right'}}}});
            table.dataset.drawn = 'true';
            return;
        }
        const line = Number(table.dataset.line || -1);
        const datasets = [];
        for (let column = 1; column < heads.length; column++) {
            if (column === line) {
                datasets.push({type: 'line', label: heads[column] + ' %', data: rows.map((r) => number(r[column])), yAxisID: 'percent',
                    borderColor: '#212121', spanGaps: true});
            } else if (!rows.some((r) => r[column].textContent.includes('/'))) {
                datasets.push({type: 'bar', label: heads[column], data: rows.map((r) => number(r[column])), backgroundColor: colours[column % colours.length]});
            }
        }
        new Chart(canvas, {data: {labels: rows.map((r) => r[0].textContent), datasets},
            options: {maintainAspectRatio: false, scales: {y: {beginAtZero: true}, percent: {position: 'right', min: 0, max: 100,
                grid: {drawOnChartArea: false}}}}});
        table.dataset.drawn = 'true';
    });
})();
