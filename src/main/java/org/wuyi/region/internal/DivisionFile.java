package org.wuyi.region.internal;

import java.util.List;

import org.wuyi.region.RegionLevel;

/**
 * The five files of the china-division CSV format: one level each, the code first, the name second,
 * then the codes of the ancestors (which must agree with the code's own prefix).
 */
public enum DivisionFile {
    PROVINCES("provinces.csv", RegionLevel.PROVINCE, List.of("code", "name")),
    CITIES("cities.csv", RegionLevel.CITY, List.of("code", "name", "provinceCode")),
    AREAS("areas.csv", RegionLevel.DISTRICT, List.of("code", "name", "cityCode", "provinceCode")),
    STREETS("streets.csv", RegionLevel.STREET, List.of("code", "name", "areaCode", "provinceCode", "cityCode")),
    VILLAGES("villages.csv", RegionLevel.COMMUNITY,
            List.of("code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"));

    private final String fileName;
    private final RegionLevel level;
    private final List<String> columns;

    DivisionFile(String fileName, RegionLevel level, List<String> columns) {
        this.fileName = fileName;
        this.level = level;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    public RegionLevel level() {
        return level;
    }

    public List<String> columns() {
        return columns;
    }

    /** The code length an ancestor column holds ({@code provinceCode} → 2 …). */
    static int ancestorLength(String column) {
        return switch (column) {
            case "provinceCode" -> RegionLevel.PROVINCE.codeLength();
            case "cityCode" -> RegionLevel.CITY.codeLength();
            case "areaCode" -> RegionLevel.DISTRICT.codeLength();
            case "streetCode" -> RegionLevel.STREET.codeLength();
            default -> throw new IllegalArgumentException(column);
        };
    }
}
