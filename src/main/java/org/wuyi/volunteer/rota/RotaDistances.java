package org.wuyi.volunteer.rota;

/** Straight-line distance in metres between a neighbour's compound and the post they stand at (haversine). */
final class RotaDistances {

    private static final double EARTH_METRES = 6_371_000;

    private RotaDistances() {
    }

    static long metres(DutySlot slot) {
        RotaVolunteer volunteer = slot.getVolunteer();
        RotaPost post = slot.getPost();
        if (volunteer == null || volunteer.compoundId() == post.compoundId()) {
            return 0;
        }
        return Math.round(metres(volunteer.lat(), volunteer.lon(), post.lat(), post.lon()));
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_METRES * Math.asin(Math.sqrt(a));
    }
}
