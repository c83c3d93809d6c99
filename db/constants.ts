// The one source of every enum in Balance Desk. Each list pairs a stable code (stored in the
// database as text, sent over the API) with its Chinese label (shown in the UI). The schema's
// check constraints, the zod schemas, the forms, the charts and the seed all read from here.
// Pure data: no I/O.

type Option<C extends string> = { readonly code: C; readonly label: string };

function codesOf<C extends string>(options: readonly Option<C>[]): [C, ...C[]] {
  return options.map((option) => option.code) as [C, ...C[]];
}

function labelsOf<C extends string>(options: readonly Option<C>[]): Record<C, string> {
  return Object.fromEntries(options.map((option) => [option.code, option.label])) as Record<
    C,
    string
  >;
}

export const ROLES = [
  { code: "caseworker", label: "经办人员" },
  { code: "manager", label: "科室负责人" },
  { code: "admin", label: "系统管理员" },
] as const;
export type Role = (typeof ROLES)[number]["code"];
export const ROLE_CODES = codesOf(ROLES);
export const ROLE_LABELS = labelsOf(ROLES);

// Why a server-side session (user_sessions) ended. An open session has none.
export const SESSION_END_REASONS = [
  { code: "sign_out", label: "退出登录" },
  { code: "idle", label: "长时间未操作" },
  { code: "expired", label: "超过最长登录时间" },
  { code: "revoked", label: "账号停用或权限变更" },
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]["code"];
export const SESSION_END_REASON_CODES = codesOf(SESSION_END_REASONS);
export const SESSION_END_REASON_LABELS = labelsOf(SESSION_END_REASONS);

export const REGION_LEVELS = [
  { code: "province", label: "省级" },
  { code: "city", label: "地市级" },
  { code: "district", label: "区县级" },
] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number]["code"];
export const REGION_LEVEL_CODES = codesOf(REGION_LEVELS);

// A member's insurance as caseworkers name it: the 险种 (scheme), and for 职工医保 the 人员类别
// (person category). 城乡居民医保 has no categories. A 职工医保 member may also have a 档次
// (tier): one of the tiers its region's settings list (employee_tiers), stored by name.
export const INSURANCE_SCHEMES = [
  { code: "employee", label: "职工医保" },
  { code: "resident", label: "城乡居民医保" },
] as const;
export type InsuranceScheme = (typeof INSURANCE_SCHEMES)[number]["code"];
export const INSURANCE_SCHEME_CODES = codesOf(INSURANCE_SCHEMES);
export const INSURANCE_SCHEME_LABELS = labelsOf(INSURANCE_SCHEMES);

export const PERSON_CATEGORIES = [
  { code: "active", label: "在职" },
  { code: "retired", label: "退休" },
  { code: "flexible", label: "灵活就业" },
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]["code"];
export const PERSON_CATEGORY_CODES = codesOf(PERSON_CATEGORIES);
export const PERSON_CATEGORY_LABELS = labelsOf(PERSON_CATEGORIES);

// A 档次 is a short name such as 一档; the tier names of the regional settings share the limit.
export const TIER_MAX_LENGTH = 16;

// 人员类别 is required for 职工医保 and absent for 城乡居民医保 (a check constraint in the schema).
export type MemberInsurance = { scheme: InsuranceScheme; category: PersonCategory | null };

// Every pairing the schema allows, in the order of the two lists: the choices of a picker and
// the cases a test walks through.
export const MEMBER_INSURANCES: readonly MemberInsurance[] = [
  ...PERSON_CATEGORY_CODES.map((category) => ({ scheme: "employee" as const, category })),
  { scheme: "resident", category: null },
];

// A member's insurance as people read it, everywhere it is shown: "职工医保·退休",
// "职工医保·在职·二档", "城乡居民医保".
export function insuranceLabel(insurance: MemberInsurance & { tier?: string | null }): string {
  return [
    INSURANCE_SCHEME_LABELS[insurance.scheme],
    insurance.category && PERSON_CATEGORY_LABELS[insurance.category],
    insurance.tier,
  ]
    .filter(Boolean)
    .join("·");
}

export const CHANNELS = [
  { code: "counter", label: "窗口" },
  { code: "hotline_12393", label: "12393 医保热线" },
  { code: "hotline_12345", label: "12345 市民热线" },
  { code: "hotline_12333", label: "12333 人社热线" },
  { code: "online", label: "线上" },
] as const;
export type Channel = (typeof CHANNELS)[number]["code"];
export const CHANNEL_CODES = codesOf(CHANNELS);
export const CHANNEL_LABELS = labelsOf(CHANNELS);

export const SYMPTOMS = [
  { code: "negative", label: "余额为负数" },
  { code: "sudden_drop", label: "余额突然减少" },
  { code: "zero", label: "余额为零" },
  { code: "mismatch", label: "余额与缴费不一致" },
  { code: "unusable", label: "余额查不到或不能用" },
] as const;
export type Symptom = (typeof SYMPTOMS)[number]["code"];
export const SYMPTOM_CODES = codesOf(SYMPTOMS);
export const SYMPTOM_LABELS = labelsOf(SYMPTOMS);

// How the member looked up the balance. A bank ATM or online bank shows the social-security
// card's financial account, not the insurance personal account, and 12333 by phone gives only
// the current balance without the history, so the channel itself can explain a "wrong" figure.
export const BALANCE_QUERY_METHODS = [
  { code: "insurance_app", label: "医保App或小程序" },
  { code: "counter", label: "经办窗口或自助机" },
  { code: "pharmacy", label: "药店或医院刷卡" },
  { code: "bank", label: "银行ATM或网银" },
  { code: "hotline_12333", label: "12333电话查询" },
  { code: "other", label: "其他方式" },
] as const;
export type BalanceQueryMethod = (typeof BALANCE_QUERY_METHODS)[number]["code"];
export const BALANCE_QUERY_METHOD_CODES = codesOf(BALANCE_QUERY_METHODS);
export const BALANCE_QUERY_METHOD_LABELS = labelsOf(BALANCE_QUERY_METHODS);

// The member's social-security card as the caseworker finds it: never applied for, not yet
// activated for insurance use, or activated / replaced recently (the card's data may then lag
// behind for a day or two).
export const CARD_STATES = [
  { code: "not_applied", label: "未申领" },
  { code: "not_activated", label: "未激活" },
  { code: "activated", label: "新激活" },
  { code: "replaced", label: "补换卡" },
] as const;
export type CardState = (typeof CARD_STATES)[number]["code"];
export const CARD_STATE_CODES = codesOf(CARD_STATES);
export const CARD_STATE_LABELS = labelsOf(CARD_STATES);

// The two parts of an employee's personal account: this insurance year's credits (当年账户) and
// the balance carried over from earlier years (历年账户), which moves across at the turn of the
// region's insurance year.
export const ACCOUNT_PARTS = [
  { code: "current", label: "当年账户" },
  { code: "carried", label: "历年账户" },
] as const;
export type AccountPart = (typeof ACCOUNT_PARTS)[number]["code"];
export const ACCOUNT_PART_CODES = codesOf(ACCOUNT_PARTS);
export const ACCOUNT_PART_LABELS = labelsOf(ACCOUNT_PARTS);

// The four documented causes the product is built around, plus 其他 which needs a sub-reason.
// Colours are fixed per cause so every chart and tag reads the same way; each keeps its
// text on a light tint of itself above WCAG AA contrast.
export const CAUSES = [
  { code: "resignation", label: "离职减员", color: "#ad2102" },
  { code: "system_delay", label: "系统延迟", color: "#0958d9" },
  { code: "policy_reform", label: "政策改革", color: "#722ed1" },
  { code: "family_aid", label: "家庭共济", color: "#006d75" },
  { code: "other", label: "其他", color: "#595959" },
] as const;
export type Cause = (typeof CAUSES)[number]["code"];
export const CAUSE_CODES = codesOf(CAUSES);
export const CAUSE_LABELS = labelsOf(CAUSES);
export const CAUSE_COLORS = Object.fromEntries(CAUSES.map((c) => [c.code, c.color])) as Record<
  Cause,
  string
>;

export const OTHER_SUB_REASONS = [
  { code: "medical_spending", label: "医疗费用支出" },
  { code: "employer_arrears", label: "单位欠缴" },
  { code: "card_not_activated", label: "社保卡未激活" },
  { code: "wrong_query_channel", label: "查询方式错误" },
  { code: "no_personal_account", label: "无个人账户参保类型" },
  { code: "identity_mismatch", label: "信息不一致" },
  { code: "overdraft_rule", label: "个人账户透支" },
  { code: "contribution_gap", label: "断缴" },
  { code: "relocation", label: "参保地变更" },
  { code: "bank_account_frozen", label: "银行账户冻结" },
  { code: "out_of_area_or_expired", label: "异地使用或卡片过期" },
  { code: "commercial_insurance", label: "购买商业健康保险" },
] as const;
export type OtherSubReason = (typeof OTHER_SUB_REASONS)[number]["code"];
export const OTHER_SUB_REASON_CODES = codesOf(OTHER_SUB_REASONS);
export const OTHER_SUB_REASON_LABELS = labelsOf(OTHER_SUB_REASONS);

// 政策改革 names its mechanism: the balance is right, but a member is told what changed. Tags
// from before the sub-reasons whose steps did not say which it was are 未细分 (unclassified),
// shown as such and never chosen for a new tag.
export const POLICY_REFORM_SUB_REASONS = [
  { code: "outpatient_reform", label: "门诊共济改革" },
  { code: "retiree_allocation", label: "退休划入调整" },
  { code: "base_adjustment", label: "缴费基数调整" },
  { code: "deduction", label: "扣费" },
  { code: "unclassified", label: "未细分" },
] as const;
export type PolicyReformSubReason = (typeof POLICY_REFORM_SUB_REASONS)[number]["code"];
export const UNCLASSIFIED_SUB_REASON = "unclassified" satisfies PolicyReformSubReason;

// The causes split into sub-reasons (子原因), and into which: a tag of one of them needs one.
export const SUB_REASONS_BY_CAUSE = {
  policy_reform: POLICY_REFORM_SUB_REASONS,
  other: OTHER_SUB_REASONS,
} as const satisfies Partial<Record<Cause, readonly Option<string>[]>>;
export type SubReason = OtherSubReason | PolicyReformSubReason;
export const SUB_REASONS: readonly Option<SubReason>[] = Object.values(SUB_REASONS_BY_CAUSE).flat();
export const SUB_REASON_CODES = codesOf(SUB_REASONS);
export const SUB_REASON_LABELS = labelsOf(SUB_REASONS);

// The sub-reasons of a cause (none for most), and those a caseworker may choose for a new tag.
export function subReasonsOf(cause: Cause): readonly Option<SubReason>[] {
  return (
    (SUB_REASONS_BY_CAUSE as Partial<Record<Cause, readonly Option<SubReason>[]>>)[cause] ?? []
  );
}
export const hasSubReasons = (cause: Cause) => subReasonsOf(cause).length > 0;
export const choosableSubReasons = (cause: Cause) =>
  subReasonsOf(cause).filter((option) => option.code !== UNCLASSIFIED_SUB_REASON);
export const subReasonFits = (cause: Cause, subReason: SubReason) =>
  subReasonsOf(cause).some((option) => option.code === subReason);

// A cause tag as people read it, in the UI, the exports and the audit history alike: "离职减员",
// or "其他·断缴" / "政策改革·扣费" with its sub-reason.
export function causeTagLabel(tag: { cause: Cause; subReason: SubReason | null }): string {
  return tag.subReason
    ? `${CAUSE_LABELS[tag.cause]}·${SUB_REASON_LABELS[tag.subReason]}`
    : CAUSE_LABELS[tag.cause];
}

// One life cycle for every enquiry (server/rules/enquiry-status.ts moves between them). The
// dispatched hotline work orders add 待签收, 挂起 and the two review states of a 退单; 已退单 is
// an order the hotline centre took back, which leaves the agency's work.
export const ENQUIRY_STATUSES = [
  { code: "awaiting_sign", label: "待签收" },
  { code: "open", label: "待处理" },
  { code: "in_progress", label: "处理中" },
  { code: "awaiting_recheck", label: "待复查" },
  { code: "suspended", label: "挂起" },
  { code: "return_review", label: "退单待审核" },
  { code: "return_submitted", label: "退单待热线确认" },
  { code: "resolved", label: "已办结" },
  { code: "followed_up", label: "已回访" },
  { code: "withdrawn", label: "已退单" },
] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number]["code"];
export const ENQUIRY_STATUS_CODES = codesOf(ENQUIRY_STATUSES);
export const ENQUIRY_STATUS_LABELS = labelsOf(ENQUIRY_STATUSES);
// Still the agency's work. The analytics rollups count these as open through bd_is_open (a SQL
// function checked against this list by db/open-statuses.test.ts).
export const OPEN_STATUSES: readonly EnquiryStatus[] = [
  "awaiting_sign",
  "open",
  "in_progress",
  "awaiting_recheck",
  "suspended",
  "return_review",
  "return_submitted",
];

// A 系统延迟 (data-sync delay) usually heals by itself within 1–2 working days; the re-check is
// set at the end of that window, since looking earlier mostly finds the credit still on its way.
export const RECHECK_AFTER_WORKING_DAYS = 2;

// A negative balance blocks reimbursement, so those enquiries default to urgent.
export const PRIORITIES = [
  { code: "normal", label: "普通" },
  { code: "urgent", label: "紧急" },
] as const;
export type Priority = (typeof PRIORITIES)[number]["code"];
export const PRIORITY_CODES = codesOf(PRIORITIES);
export const PRIORITY_LABELS = labelsOf(PRIORITIES);

export const SATISFACTIONS = [
  { code: "satisfied", label: "满意" },
  { code: "mostly_satisfied", label: "基本满意" },
  { code: "dissatisfied", label: "不满意" },
] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number]["code"];
export const SATISFACTION_CODES = codesOf(SATISFACTIONS);
export const SATISFACTION_LABELS = labelsOf(SATISFACTIONS);

export const FOLLOW_UP_METHODS = [
  { code: "phone", label: "电话回访" },
  { code: "sms", label: "短信回访" },
  { code: "counter", label: "窗口当面" },
  { code: "online", label: "线上回访" },
] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number]["code"];
export const FOLLOW_UP_METHOD_CODES = codesOf(FOLLOW_UP_METHODS);
export const FOLLOW_UP_METHOD_LABELS = labelsOf(FOLLOW_UP_METHODS);

// Resolution step templates. `cause: null` marks the steps common to every cause.
export const STEP_KINDS = [
  { code: "print_ledger", label: "打印个人账户增减明细", cause: "resignation" },
  { code: "check_leave_dates", label: "核对离职与减员日期", cause: "resignation" },
  { code: "compute_real_credit", label: "计算实际划入资金", cause: "resignation" },
  { code: "explain_offset", label: "告知抵扣方式", cause: "resignation" },
  { code: "record_expected_credit", label: "记录应到账金额", cause: "system_delay" },
  { code: "schedule_recheck", label: "设定复查日期", cause: "system_delay" },
  { code: "recheck", label: "复查", cause: "system_delay" },
  { code: "escalate_back_office", label: "上报后台", cause: "system_delay" },
  { code: "explain_policy", label: "说明适用政策", cause: "policy_reform" },
  { code: "explain_pooled_benefits", label: "告知门诊统筹待遇", cause: "policy_reform" },
  { code: "list_bound_relatives", label: "查询绑定亲属及支出", cause: "family_aid" },
  { code: "unbind_relatives", label: "办理解绑", cause: "family_aid" },
  { code: "check_contributions", label: "核对缴费记录", cause: null },
  { code: "top_up", label: "补缴", cause: null },
  { code: "apply_reimbursement", label: "申请报销", cause: null },
  { code: "follow_up", label: "回访", cause: null },
  // A dispatched order's accepted 延期 must be told to the member; the note says how.
  { code: "extension_notified", label: "已告知参保人延期", cause: null },
  { code: "free_text", label: "其他处理", cause: null },
] as const;
export type StepKind = (typeof STEP_KINDS)[number]["code"];
export const STEP_KIND_CODES = codesOf(STEP_KINDS);
export const STEP_KIND_LABELS = labelsOf(STEP_KINDS);

export const AUDIT_ACTIONS = [
  { code: "user.sign_in", label: "登录" },
  { code: "user.sign_in_failed", label: "登录失败" },
  { code: "user.sign_in_blocked", label: "登录受限" },
  { code: "user.sign_out", label: "退出登录" },
  { code: "user.create", label: "创建用户" },
  { code: "user.update", label: "修改用户" },
  { code: "user.role_change", label: "变更角色" },
  { code: "user.disable", label: "停用用户" },
  { code: "user.enable", label: "启用用户" },
  { code: "user.reset_password", label: "重置密码" },
  { code: "user.change_password", label: "修改密码" },
  { code: "member.create", label: "录入参保人" },
  { code: "member.reveal_id", label: "查看完整证件号" },
  { code: "member.lookup", label: "精确查询参保人" },
  { code: "member.lookup_blocked", label: "精确查询受限" },
  { code: "member.region_review", label: "提交参保地核查" },
  { code: "member.region_review_close", label: "处理参保地核查" },
  { code: "member.region_change", label: "参保地变更" },
  { code: "enquiry.create", label: "新建咨询" },
  { code: "enquiry.update", label: "修改咨询" },
  { code: "enquiry.transition", label: "变更状态" },
  { code: "enquiry.assign", label: "指派" },
  { code: "enquiry.causes", label: "修改原因分类" },
  { code: "enquiry.step", label: "记录处理步骤" },
  { code: "enquiry.link", label: "关联咨询" },
  { code: "enquiry.unlink", label: "取消关联" },
  { code: "work_order.dispatch", label: "派单" },
  { code: "work_order.sign", label: "签收" },
  { code: "work_order.return", label: "退单" },
  { code: "work_order.transfer", label: "转办" },
  { code: "work_order.suspend", label: "挂起" },
  { code: "work_order.resume", label: "恢复办理" },
  { code: "work_order.extension", label: "延期" },
  { code: "work_order.remind", label: "催办" },
  { code: "work_order.supervise", label: "督办" },
  { code: "work_order.answer", label: "答复督办" },
  { code: "work_order.link_member", label: "关联参保人" },
  { code: "analytics.export", label: "导出统计数据" },
  { code: "policy_event.create", label: "添加政策节点" },
  { code: "policy_event.delete", label: "删除政策节点" },
  { code: "policy_setting.create", label: "新增地区政策参数" },
  { code: "letter.issue", label: "出具告知书" },
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number]["code"];
export const AUDIT_ACTION_CODES = codesOf(AUDIT_ACTIONS);
export const AUDIT_ACTION_LABELS = labelsOf(AUDIT_ACTIONS);

// What an audit row is about; the audit log page filters and labels by these. Rows may name an
// entity not listed here, which the page then shows by its code.
export const AUDIT_ENTITIES = [
  { code: "user", label: "用户" },
  { code: "member", label: "参保人" },
  { code: "enquiry", label: "咨询工单" },
  { code: "analytics", label: "统计分析" },
  { code: "policy_event", label: "政策节点" },
  { code: "member_region_review", label: "参保地核查" },
  { code: "policy_setting", label: "地区政策参数" },
  { code: "letter", label: "告知书" },
] as const;
export const AUDIT_ENTITY_LABELS: Record<string, string> = labelsOf(AUDIT_ENTITIES);

// A registration refused because the ID number is already insured in another region becomes a
// review item for an administrator, who either moves the member (参保地变更) or declines.
export const REGION_REVIEW_STATUSES = [
  { code: "open", label: "待处理" },
  { code: "closed", label: "已处理" },
] as const;
export type RegionReviewStatus = (typeof REGION_REVIEW_STATUSES)[number]["code"];
export const REGION_REVIEW_STATUS_CODES = codesOf(REGION_REVIEW_STATUSES);
export const REGION_REVIEW_STATUS_LABELS = labelsOf(REGION_REVIEW_STATUSES);

export const REGION_REVIEW_RESOLUTIONS = [
  { code: "moved", label: "已变更参保地" },
  { code: "declined", label: "不予变更" },
] as const;
export type RegionReviewResolution = (typeof REGION_REVIEW_RESOLUTIONS)[number]["code"];
export const REGION_REVIEW_RESOLUTION_CODES = codesOf(REGION_REVIEW_RESOLUTIONS);
export const REGION_REVIEW_RESOLUTION_LABELS = labelsOf(REGION_REVIEW_RESOLUTIONS);

// 地区政策参数: what differs by region and changes over time. Each is stored as versioned rows
// (region_policy_settings) holding a value whose shape server/rules/policy-settings.ts defines.
// The hotline's classification of a dispatched work order (受理 at 12345 / 12393): it selects the
// order's time limit in the region's settings (work_order_limits).
export const WORK_ORDER_CLASSIFICATIONS = [
  { code: "consult", label: "咨询" },
  { code: "help", label: "求助" },
  { code: "complaint", label: "投诉" },
  { code: "suggestion", label: "建议" },
] as const;
export type WorkOrderClassification = (typeof WORK_ORDER_CLASSIFICATIONS)[number]["code"];
export const WORK_ORDER_CLASSIFICATION_CODES = codesOf(WORK_ORDER_CLASSIFICATIONS);
export const WORK_ORDER_CLASSIFICATION_LABELS = labelsOf(WORK_ORDER_CLASSIFICATIONS);

// The hotlines that dispatch work orders (a subset of the channels: a dispatched order's channel
// is its platform).
export const WORK_ORDER_PLATFORMS = [
  { code: "hotline_12345", label: "12345 市民热线" },
  { code: "hotline_12393", label: "12393 医保热线" },
] as const;
export type WorkOrderPlatform = (typeof WORK_ORDER_PLATFORMS)[number]["code"];
export const WORK_ORDER_PLATFORM_CODES = codesOf(WORK_ORDER_PLATFORMS);
export const WORK_ORDER_PLATFORM_LABELS = labelsOf(WORK_ORDER_PLATFORMS);

// Why the receiving unit returns an order (退单); 其他 needs words of its own.
export const RETURN_REASONS = [
  { code: "outside_area", label: "非本辖区" },
  { code: "not_our_duty", label: "非本部门职责" },
  { code: "incomplete", label: "信息不全" },
  { code: "other", label: "其他" },
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number]["code"];
export const RETURN_REASON_CODES = codesOf(RETURN_REASONS);
export const RETURN_REASON_LABELS = labelsOf(RETURN_REASONS);

// A 退单 or a 延期 is asked for by the caseworker, decided by the manager and, for a dispatched
// order, decided again by the hotline centre.
export const REVIEW_KINDS = [
  { code: "return", label: "退单" },
  { code: "extension", label: "延期" },
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number]["code"];
export const REVIEW_KIND_CODES = codesOf(REVIEW_KINDS);
export const REVIEW_KIND_LABELS = labelsOf(REVIEW_KINDS);

export const REVIEW_DECISIONS = [
  { code: "approved", label: "同意" },
  { code: "refused", label: "驳回" },
] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]["code"];
export const REVIEW_DECISION_CODES = codesOf(REVIEW_DECISIONS);
export const REVIEW_DECISION_LABELS = labelsOf(REVIEW_DECISIONS);

export const CENTRE_DECISIONS = [
  { code: "accepted", label: "热线中心已同意" },
  { code: "refused", label: "热线中心不同意" },
] as const;
export type CentreDecision = (typeof CENTRE_DECISIONS)[number]["code"];
export const CENTRE_DECISION_CODES = codesOf(CENTRE_DECISIONS);
export const CENTRE_DECISION_LABELS = labelsOf(CENTRE_DECISIONS);

// 催办: recorded by the scheduled job when a limit passes, once per due moment.
export const REMINDER_KINDS = [
  { code: "sign_overdue", label: "超时未签收" },
  { code: "handling_overdue", label: "超期未办结" },
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number]["code"];
export const REMINDER_KIND_CODES = codesOf(REMINDER_KINDS);
export const REMINDER_KIND_LABELS = labelsOf(REMINDER_KINDS);

export const POLICY_SETTINGS = [
  { code: "reform_start", label: "门诊共济改革实施日期" },
  { code: "insurance_year_start", label: "医保年度起始月" },
  { code: "crediting_mode", label: "个人账户划入方式" },
  { code: "contribution_base", label: "缴费基数与个人账户划入比例" },
  { code: "retiree_allocation", label: "退休人员个人账户划入" },
  { code: "employee_tiers", label: "职工医保档次" },
  { code: "accountless_categories", label: "不设个人账户的人员类别" },
  { code: "monthly_deductions", label: "个人账户按月扣缴" },
  { code: "overdraft", label: "历年余额透支" },
  { code: "family_aid", label: "家庭共济规则" },
  { code: "member_hotline", label: "咨询电话" },
  { code: "issuer", label: "出具机构" },
  { code: "notice_footer", label: "告知书页脚" },
  { code: "office_hours", label: "工作时间" },
  { code: "work_order_limits", label: "热线工单办理时限" },
] as const;
export type PolicySetting = (typeof POLICY_SETTINGS)[number]["code"];
export const POLICY_SETTING_CODES = codesOf(POLICY_SETTINGS);
export const POLICY_SETTING_LABELS = labelsOf(POLICY_SETTINGS);

// A letter (告知书) is issued while the enquiry is still being checked (a draft that says 正在核查)
// or once it is closed (经核实).
export const LETTER_STAGES = [
  { code: "checking", label: "核查中" },
  { code: "confirmed", label: "已核实" },
] as const;
export type LetterStage = (typeof LETTER_STAGES)[number]["code"];
export const LETTER_STAGE_CODES = codesOf(LETTER_STAGES);
export const LETTER_STAGE_LABELS = labelsOf(LETTER_STAGES);
