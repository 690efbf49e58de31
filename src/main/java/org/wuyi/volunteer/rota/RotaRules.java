package org.wuyi.volunteer.rota;

/**
 * The rota's settings: the most hours a volunteer stands in a day, the least rest between two separate duties, and the
 * metres that make a neighbouring compound's volunteer cost as much as an hour of unfairness. Defaults: 4 hours a
 * day, 3 hours' rest, 1,000 m.
 */
public record RotaRules(int maxHoursPerDay, int restHours, int neighbourMetres) {

    public static final RotaRules DEFAULT = new RotaRules(4, 3, 1000);
}
