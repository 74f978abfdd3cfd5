import { createI18n } from 'vue-i18n';

// Every label of the app in Simplified Chinese (default) and English. Codes of the vocabulary
// (sources, categories, statuses ...) come translated from GET /api/v1/codes (name_zh/name_en).
const zh = {
  app: { name: '利剑', title: '质检利剑执法平台', lang: 'English', logout: '退出登录', scope: '数据范围', unit: '单位', role: '角色' },
  roles: { admin: '管理员', leader: '领导', officer: '执法人员', analyst: '分析人员' },
  menu: { workbench: '工作台', leads: '线索', cases: '案件', imports: '批量导入', dashboard: '态势与筛查', audit: '审计日志' },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', required: '请输入用户名和密码', expired: '登录已过期，请重新登录', failed: '用户名或密码错误' },
  common: { loading: '加载中…', empty: '暂无数据', search: '搜索', reset: '重置', more: '下一页', first: '第一页', actions: '操作', save: '保存', cancel: '取消', confirm: '确定', open: '查看', all: '全部', id: '编号', status: '状态', yes: '是', no: '否', download: '下载', refresh: '刷新' },
  errors: { network: '无法连接服务器，请检查网络后重试', forbidden: '您没有执行此操作的权限', not_found: '记录不存在或不在您的数据范围内', conflict: '记录已被他人修改，请刷新后重试', invalid: '输入有误', unknown: '服务器处理失败，请稍后重试', field: '字段' },
  work: { title: '我的工作台', leadsToVerify: '待核查线索', dueCases: '即将到期与超期案件', supervised: '督办案件（重大案件）', assistance: '待答复协查请求', assistanceNone: '协查功能尚未提供接口，暂无待答复请求', dueOn: '到期日', daysLeft: '剩余天数', overdue: '已超期', workingDays: '个工作日', days: '天' },
  leads: { title: '线索列表', q: '全文检索（中文）', source: '来源', status: '状态', category: '产品类别', action: '专项行动', channel: '渠道', receivedAt: '收到时间', unit: '承办单位', sort: '排序', newest: '最新收到', oldest: '最早收到', updated: '最近更新', grouped: '归并显示', enterprise: '涉及企业', text: '线索内容', original: '原始记录', classification: '分类', violations: '违法行为', suggestion: '模型建议', confidence: '置信度', jurisdiction: '管辖', region: '属地', group: '关联线索（归并）', groupNone: '无关联线索', risk: '企业风险', score: '风险分', factors: '风险因素', verify: '核查通过', startVerify: '开始核查', reject: '不予采纳', rejectReason: '不予采纳理由', assign: '交办', assignTo: '交办至单位', openCase: '立案审查', caseTitle: '案件标题', isMajor: '重大案件', labels: '修正分类', saveLabels: '保存分类', reasonRequired: '请填写理由', amount: '涉案金额', product: '产品', page: '页', groupSize: '条' },
  cases: { title: '案件列表', caseNo: '案件编号', openedAt: '立案审查时间', major: '重大', timeline: '办案记录', next: '下一步', noActions: '当前没有您可执行的步骤', deadlines: '法定期限', note: '备注', addNote: '添加备注', documents: '文书与证据', upload: '上传证据', fileName: '文件名', size: '大小', kind: '期限', started: '起算日', due: '到期日', take: '执行', fieldRequired: '请填写此字段', lead: '来源线索', periodStatus: { open: '进行中', overdue: '已超期', met: '按期完成', late: '超期完成', paused: '已中止计时' } },
  imports: { title: '批量导入', kind: '数据类型', file: '选择文件（CSV / XLSX / NDJSON）', start: '开始导入', progress: '进度', accepted: '已导入', duplicates: '重复', rejected: '被拒绝', errors: '错误明细', download: '下载错误报告（CSV）', history: '导入记录', kinds: { leads: '线索', enterprises: '企业', sampling: '抽检结果' } },
  dash: { title: '活动态势', trends: '按月统计', groupBy: '分组', hotspots: '区域热点（旗县区）', risk: '企业风险排名', leads: '线索', failed: '不合格', complaints: '投诉', flagged: '预警', enterprise: '企业', score: '风险分', region: '地区', clickHint: '点击图表中的数字查看对应线索列表', noRisk: '您的角色无权查看风险排名', factorNames: { sampling_failures: '抽检不合格', complaints: '投诉举报', prior_cases: '既往案件', dishonesty: '失信记录', category: '高风险品类', recency: '近期性' } },
  audit: { title: '审计日志', at: '时间', actor: '操作人', action: '动作', entity: '对象' },
};

const en: typeof zh = {
  app: { name: 'Lijian', title: 'Lijian quality-enforcement platform', lang: '中文', logout: 'Log out', scope: 'Data scope', unit: 'Unit', role: 'Role' },
  roles: { admin: 'Administrator', leader: 'Leader', officer: 'Officer', analyst: 'Analyst' },
  menu: { workbench: 'Workbench', leads: 'Leads', cases: 'Cases', imports: 'Bulk import', dashboard: 'Dashboard & screening', audit: 'Audit log' },
  login: { title: 'Log in', username: 'Username', password: 'Password', submit: 'Log in', required: 'Enter your username and password', expired: 'Your session has expired; please log in again', failed: 'Wrong username or password' },
  common: { loading: 'Loading…', empty: 'Nothing here', search: 'Search', reset: 'Reset', more: 'Next page', first: 'First page', actions: 'Actions', save: 'Save', cancel: 'Cancel', confirm: 'OK', open: 'Open', all: 'All', id: 'ID', status: 'Status', yes: 'Yes', no: 'No', download: 'Download', refresh: 'Refresh' },
  errors: { network: 'Cannot reach the server; check the network and try again', forbidden: 'You may not do this', not_found: 'The record does not exist or is outside your data scope', conflict: 'Someone else changed this record; refresh and try again', invalid: 'Invalid input', unknown: 'The server could not do this; try again later', field: 'Field' },
  work: { title: 'My workbench', leadsToVerify: 'Leads to verify', dueCases: 'Cases due soon or overdue', supervised: 'Supervised (major) cases', assistance: 'Assistance requests to answer', assistanceNone: 'Assistance requests have no API yet; nothing to answer', dueOn: 'Due on', daysLeft: 'Days left', overdue: 'Overdue', workingDays: 'working days', days: 'days' },
  leads: { title: 'Leads', q: 'Full-text search (Chinese)', source: 'Source', status: 'Status', category: 'Product category', action: 'Special action', channel: 'Channel', receivedAt: 'Received', unit: 'Unit', sort: 'Sort', newest: 'Newest first', oldest: 'Oldest first', updated: 'Recently updated', grouped: 'Group related', enterprise: 'Enterprise', text: 'Text', original: 'Original record', classification: 'Classification', violations: 'Violations', suggestion: 'Model suggestion', confidence: 'Confidence', jurisdiction: 'Jurisdiction', region: 'Region', group: 'Related leads (matter)', groupNone: 'No related leads', risk: 'Enterprise risk', score: 'Risk score', factors: 'Risk factors', verify: 'Verified', startVerify: 'Start verifying', reject: 'Reject', rejectReason: 'Reason for rejecting', assign: 'Assign', assignTo: 'Assign to unit', openCase: 'Open a case', caseTitle: 'Case title', isMajor: 'Major case', labels: 'Correct labels', saveLabels: 'Save labels', reasonRequired: 'Enter a reason', amount: 'Amount involved', product: 'Product', page: 'page', groupSize: 'leads' },
  cases: { title: 'Cases', caseNo: 'Case no.', openedAt: 'Opened', major: 'Major', timeline: 'Timeline', next: 'Next steps', noActions: 'No step is open to you now', deadlines: 'Statutory periods', note: 'Note', addNote: 'Add note', documents: 'Documents and evidence', upload: 'Upload evidence', fileName: 'File', size: 'Size', kind: 'Period', started: 'Started', due: 'Due', take: 'Take step', fieldRequired: 'This field is required', lead: 'Lead', periodStatus: { open: 'Running', overdue: 'Overdue', met: 'Met', late: 'Met late', paused: 'Paused' } },
  imports: { title: 'Bulk import', kind: 'Kind of data', file: 'Choose a file (CSV / XLSX / NDJSON)', start: 'Import', progress: 'Progress', accepted: 'Accepted', duplicates: 'Duplicates', rejected: 'Rejected', errors: 'Errors', download: 'Download the error report (CSV)', history: 'Import jobs', kinds: { leads: 'Leads', enterprises: 'Enterprises', sampling: 'Sampling results' } },
  dash: { title: 'Campaign overview', trends: 'By month', groupBy: 'Group by', hotspots: 'Regional hotspots (counties)', risk: 'Enterprise risk ranking', leads: 'Leads', failed: 'Failed samples', complaints: 'Complaints', flagged: 'Flagged', enterprise: 'Enterprise', score: 'Score', region: 'Region', clickHint: 'Click a number in a chart to see the leads behind it', noRisk: 'Your role may not see the risk ranking', factorNames: { sampling_failures: 'Sampling failures', complaints: 'Complaints', prior_cases: 'Prior cases', dishonesty: 'Dishonesty record', category: 'High-risk category', recency: 'Recency' } },
  audit: { title: 'Audit log', at: 'Time', actor: 'Actor', action: 'Action', entity: 'Record' },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('lijian.lang') : null;
export const i18n = createI18n({ legacy: false, locale: saved === 'en' ? 'en' : 'zh', fallbackLocale: 'zh', messages: { zh, en } });

export function setLocale(l: 'zh' | 'en') {
  i18n.global.locale.value = l;
  localStorage.setItem('lijian.lang', l);
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}
