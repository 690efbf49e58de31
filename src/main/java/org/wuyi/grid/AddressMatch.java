package org.wuyi.grid;

/** The grid of a typed address, with the compound and building recognised in it ({@code building} null if none). */
public record AddressMatch(GridLocation grid, String compound, String building) {
}
