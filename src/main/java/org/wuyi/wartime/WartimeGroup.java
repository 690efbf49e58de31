package org.wuyi.wartime;

/** The eight wartime groups (战时八大组); names in messages ({@code wartime.group.X}), default duties in {@code wartime.duties.X}. */
public enum WartimeGroup {
    /** 综合协调(宣传引导)组. */
    COORDINATION,
    /** 医疗保障(健康监测)组. */
    MEDICAL_SUPPORT,
    /** 核酸检测组. */
    NUCLEIC_ACID_TESTING,
    /** 人员管控(转运)组. */
    PERSONNEL_CONTROL,
    /** 群众保供组. */
    SUPPLY,
    /** 安全保卫(应急处突)组. */
    SECURITY,
    /** 环卫消杀组. */
    SANITATION,
    /** 后勤保障组. */
    LOGISTICS
}
