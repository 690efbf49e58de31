package org.wuyi.grid;

/** The sections of the national industry classification GB/T 4754-2017 (国民经济行业分类门类); names in messages ({@code industry.X}). */
public enum Industry {
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T
}
