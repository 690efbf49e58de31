package org.wuyi.wartime;

/** Whether an activation is in force (战时) or the grid has been stood down (恢复平时). */
public enum ActivationState {
    ACTIVE, STOOD_DOWN
}
