// The portal's labels (zh-CN first, en second), merged into the app's vue-i18n messages under
// `portal` when a portal page loads (the app's own messages stay in src/i18n.ts).
import { i18n } from '../i18n';

const zh = {
  title: '市场监管行政处罚信息公示',
  subtitle: '依据《市场监督管理行政处罚信息公示规定》公示；个人信息已依法隐去',
  nav: { decisions: '行政处罚决定', typical: '典型案例', report: '我要举报', status: '举报查询', staff: '工作人员登录' },
  search: { words: '关键词（中文）', region: '地区代码', violation: '违法行为代码', from: '决定日期自', to: '至', total: '共 {n} 条', prev: '上一页', next: '下一页', page: '第 {from}–{to} 条' },
  item: { decisionNo: '决定书文号', party: '当事人', violations: '违法行为', penalty: '处罚内容', fine: '罚款金额（元）', authority: '处罚机关', decidedOn: '处罚决定日期', publishedAt: '公示日期', text: '公示内容', back: '返回列表', title: '案由', pdf: '下载决定书（PDF）' },
  report: { title: '投诉举报（12365）', intro: '请如实填写。举报人信息仅用于核查联系，不会公开。', text: '举报内容', enterprise: '被举报单位名称', address: '被举报单位地址', product: '涉及产品', name: '您的姓名（可不填）', phone: '联系电话', submit: '提交举报', wait: '请稍候 {n} 秒再提交', done: '举报已受理。请记下您的查询编号和查询密码（只显示这一次）：', number: '查询编号', secret: '查询密码', website: '网址' },
  status: { title: '举报办理情况查询', lookup: '查询', state: '办理状态', receivedAt: '受理时间', handledBy: '承办单位', states: { new: '已受理，待核查', verifying: '核查中', verified: '已核实', rejected: '不予采纳', case_opened: '已立案调查' } },
};

const en: typeof zh = {
  title: 'Market-regulation penalty disclosure',
  subtitle: 'Published under SAMR Order 45; personal information is masked as the law requires',
  nav: { decisions: 'Penalty decisions', typical: 'Typical cases', report: 'Report a violation', status: 'Report status', staff: 'Staff login' },
  search: { words: 'Words (Chinese)', region: 'Region code', violation: 'Violation code', from: 'Decided from', to: 'to', total: '{n} results', prev: 'Previous', next: 'Next', page: 'results {from}–{to}' },
  item: { decisionNo: 'Decision no.', party: 'Party', violations: 'Violations', penalty: 'Penalty', fine: 'Fine (yuan)', authority: 'Deciding authority', decidedOn: 'Decided on', publishedAt: 'Published on', text: 'Published text', back: 'Back to the list', title: 'Case', pdf: 'Decision (PDF)' },
  report: { title: 'Report a violation (12365)', intro: 'Please be accurate. Your details are used only to contact you and are never published.', text: 'What you report', enterprise: 'Business reported', address: 'Its address', product: 'Product', name: 'Your name (optional)', phone: 'Your phone', submit: 'Send the report', wait: 'Please wait {n} seconds before sending', done: 'Your report was received. Note your follow-up number and secret (shown only now):', number: 'Follow-up number', secret: 'Secret', website: 'Website' },
  status: { title: 'Follow a report', lookup: 'Look up', state: 'State', receivedAt: 'Received', handledBy: 'Handled by', states: { new: 'Received, to be verified', verifying: 'Being verified', verified: 'Verified', rejected: 'Not taken up', case_opened: 'Case opened' } },
};

let merged = false;
export function usePortalMessages() {
  if (merged) return;
  i18n.global.mergeLocaleMessage('zh', { portal: zh });
  i18n.global.mergeLocaleMessage('en', { portal: en });
  merged = true;
}
