package org.wuyi.grid;

/** The grid a place lies in, with its community and street. */
public record GridLocation(String code, String name, GridKind kind, String communityCode, String communityName,
                           String streetCode, String streetName) {
}
