// Cooperation between units (migration 10) on both backends: a referral shares exactly the
// referred record; an assistance request shows the requested unit the request and its answer,
// never the case; external parties; consultations; the timeline and the audit chain.
#include "store/sql/cooperation_repo.hpp"

#include "store/store_test_fixture.hpp"

namespace lj::store_testing {
namespace {

AssistanceTarget to_unit(const std::string& code) {
  return AssistanceTarget{code, 0};
}
AssistanceTarget to_party(int64_t id) {
  return AssistanceTarget{"", id};
}

class CooperationRepoTest : public StoreTest {
 protected:
  std::pair<Lead, Case> new_case(const std::string& source_id) {
    Lead l = add_lead(kSongshan, source_id, "2018-04-20T10:00:00+08:00");
    auto c = store_->open_case(kSongshan, l.id, Case{});
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return {l, *c};
  }
  ExternalParty party() {
    ExternalParty p;
    p.name = "河北省张家口市市场监督管理局";
    p.region = "河北省";
    p.contact = "0313-0000000 稽查科";
    auto got = CooperationRepo(store_->sql()).add_external_party(kSongshan, p);
    EXPECT_TRUE(got.ok()) << got.status().to_string();
    return *got;
  }
  std::vector<std::string> timeline_kinds(int64_t case_id) {
    std::vector<std::string> kinds;
    for (const auto& e : *store_->case_timeline(kSongshan, case_id))
      if (e.kind != "opened") kinds.push_back(e.kind);
    return kinds;
  }
};

TEST_P(CooperationRepoTest, AReferralSharesExactlyTheReferredRecord) {
  auto [lead, cs] = new_case("R-1");
  auto [other_lead, other_case] = new_case("R-2");
  CooperationRepo repo(store_->sql());
  ASSERT_EQ(store_->get_case(kHongshan, cs.id).status().code(), Code::kNotFound);

  auto r = repo.refer(kSongshan, "case", cs.id, to_unit("150402"), "涉案产品流向红山区，请关注");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->to_unit_code, "150402");
  // The receiving unit reads the case, and nothing else: not its lead, not the other case.
  EXPECT_TRUE(store_->get_case(kHongshan, cs.id).ok());
  EXPECT_EQ(store_->get_lead(kHongshan, lead.id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->get_case(kHongshan, other_case.id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->get_lead(kHongshan, other_lead.id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->list_cases(kHongshan, CaseQuery{})->items.size(), 1u);
  EXPECT_EQ(store_->list_leads(kHongshan, LeadQuery{})->items.size(), 0u);
  // Read only: the receiving unit cannot refer it on.
  EXPECT_EQ(repo.refer(kHongshan, "case", cs.id, to_unit("150404"), "x").status().code(),
            Code::kForbidden);

  EXPECT_EQ(repo.referrals(kHongshan, "received", 100)->size(), 1u);
  EXPECT_EQ(repo.referrals(kHongshan, "sent", 100)->size(), 0u);
  EXPECT_EQ(repo.referrals(kSongshan, "sent", 100)->size(), 1u);
  EXPECT_EQ(timeline_kinds(cs.id), (std::vector<std::string>{"referral"}));

  // A lead to a body outside the province: recorded, nothing shared.
  ExternalParty p = party();
  auto ext = repo.refer(kSongshan, "lead", other_lead.id, to_party(p.id), "线索涉及河北生产企业");
  ASSERT_TRUE(ext.ok()) << ext.status().to_string();
  EXPECT_EQ(ext->external_party_name, p.name);
  EXPECT_EQ(store_->get_lead(kHongshan, other_lead.id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.refer(kSongshan, "lead", other_lead.id, to_party(999), "x").status().field(),
            "external_party_id");
  EXPECT_EQ(repo.refer(kSongshan, "case", cs.id, to_unit("159999"), "x").status().field(),
            "to_unit_code");
}

TEST_P(CooperationRepoTest, TheRequestedUnitAnswersWithAnAttachmentAndNeverSeesTheCase) {
  auto [lead, cs] = new_case("A-1");
  CooperationRepo repo(store_->sql());
  auto a =
      repo.request_assistance(kSongshan, cs.id, to_unit("150402"),
                              "请核查红山区某农资经营部的进货台账", "2018-05-01", "2018-05-22");
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->state, "requested");
  EXPECT_EQ(a->from_unit_code, "150404");
  EXPECT_EQ(a->case_no, cs.case_no);

  // The requested unit sees the request, not the case, its lead or its timeline.
  EXPECT_TRUE(repo.get_assistance(kHongshan, a->id).ok());
  EXPECT_EQ(store_->get_case(kHongshan, cs.id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->get_lead(kHongshan, lead.id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.consultations(kHongshan, cs.id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.assistance(kHongshan, "to_answer", "2018-05-02", 100)->size(), 1u);
  EXPECT_EQ(repo.assistance(kSongshan, "to_answer", "2018-05-02", 100)->size(), 0u);
  EXPECT_EQ(repo.assistance(kSongshan, "sent", "2018-05-02", 100)->size(), 1u);
  EXPECT_EQ(repo.assistance(kSongshan, "overdue", "2018-05-22", 100)->size(), 0u);
  EXPECT_EQ(repo.assistance(kSongshan, "overdue", "2018-05-23", 100)->size(), 1u);
  EXPECT_EQ(repo.assistance(kHongshan, "overdue", "2018-05-23", 100)->size(), 1u);
  EXPECT_EQ(to_json(*a, "2018-05-23")["state"], "overdue");

  // Sides: the requester neither answers nor attaches; the requested unit does not withdraw.
  EXPECT_EQ(repo.answer(kSongshan, a->id, "x").status().code(), Code::kForbidden);
  EXPECT_EQ(repo.withdraw(kHongshan, a->id, "x").status().code(), Code::kForbidden);
  // Extension with notice, later than the current due day only.
  EXPECT_EQ(repo.extend(kHongshan, a->id, "2018-05-20", "x").status().field(), "due_on");
  auto ext = repo.extend(kHongshan, a->id, "2018-06-05", "需调取外地供货商资料，延期至6月5日");
  ASSERT_TRUE(ext.ok()) << ext.status().to_string();
  EXPECT_EQ(ext->due_on, "2018-06-05");
  EXPECT_EQ(ext->extension_notice, "需调取外地供货商资料，延期至6月5日");

  AssistanceAttachment att;
  att.sha256 = std::string(64, 'a');
  att.size = 1234;
  att.content_type = "application/pdf";
  att.filename = "进货台账.pdf";
  auto stored = repo.add_attachment(kHongshan, a->id, att);
  ASSERT_TRUE(stored.ok()) << stored.status().to_string();
  auto answered = repo.answer(kHongshan, a->id, "经核查，该经营部2018年4月购进涉案复合肥200袋");
  ASSERT_TRUE(answered.ok()) << answered.status().to_string();
  EXPECT_EQ(answered->state, "answered");
  EXPECT_EQ(repo.answer(kHongshan, a->id, "again").status().code(), Code::kConflict);

  // The requester sees the answer and its attachment; a unit on neither side sees nothing.
  auto seen = repo.get_assistance(kSongshan, a->id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->answer, "经核查，该经营部2018年4月购进涉案复合肥200袋");
  ASSERT_EQ(seen->attachments.size(), 1u);
  EXPECT_EQ(seen->attachments[0].sha256, std::string(64, 'a'));
  EXPECT_TRUE(repo.get_attachment(kSongshan, a->id, stored->id).ok());
  const Actor xincheng = actor_at("150102", "/150000/150100/150102/", Role::kOfficer, 9);
  EXPECT_EQ(repo.get_assistance(xincheng, a->id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.get_attachment(xincheng, a->id, stored->id).status().code(), Code::kNotFound);
  EXPECT_EQ(timeline_kinds(cs.id),
            (std::vector<std::string>{"assistance_requested", "assistance_extended",
                                      "assistance_answered"}));
}

TEST_P(CooperationRepoTest, ExternalBodiesAreRecordedOnBothDirections) {
  auto [lead, cs] = new_case("E-1");
  CooperationRepo repo(store_->sql());
  ExternalParty p = party();
  EXPECT_EQ(repo.external_parties()->size(), 1u);

  // Outgoing to an external body: the requesting unit records the answer it received.
  auto out = repo.request_assistance(kSongshan, cs.id, to_party(p.id), "请协查生产企业资质",
                                     "2018-05-01", "2018-05-22");
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  EXPECT_EQ(repo.assistance(kSongshan, "to_answer", "2018-05-02", 100)->size(), 1u);
  EXPECT_TRUE(repo.answer(kSongshan, out->id, "对方复函：该企业持有有效生产许可证").ok());

  // Incoming from an external body, recorded by the receiving unit, seen by it alone.
  auto in = repo.record_incoming(kHongshan, p.id, "冀张市监协〔2018〕3号", "请核查贵辖区某经销商",
                                 "2018-05-01", "2018-05-22");
  ASSERT_TRUE(in.ok()) << in.status().to_string();
  EXPECT_EQ(in->direction, "incoming");
  EXPECT_EQ(in->to_unit_code, "150402");
  EXPECT_EQ(repo.get_assistance(kSongshan, in->id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.assistance(kHongshan, "to_answer", "2018-05-02", 100)->size(), 1u);
  EXPECT_TRUE(repo.withdraw(kHongshan, in->id, "对方来函撤回").ok());
  EXPECT_EQ(repo.get_assistance(kHongshan, in->id)->state, "withdrawn");
  EXPECT_EQ(
      repo.record_incoming(kHongshan, 999, "", "q", "2018-05-01", "2018-05-22").status().field(),
      "external_party_id");
  int audits = 0;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    if (e.entity == "assistance_request" || e.entity == "external_party") ++audits;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(audits, 5);  // party, outgoing + answer, incoming + withdrawal
}

TEST_P(CooperationRepoTest, ConsultationsAreKeptOnTheCase) {
  auto [lead, cs] = new_case("C-1");
  CooperationRepo repo(store_->sql());
  Consultation c;
  c.held_on = "2018-05-01";
  c.participants = Json::array({Json{{"unit_code", "150400"}, {"name", "法制科 李某"}},
                                Json{{"unit_code", "150404"}, {"name", "稽查队 王某"}}});
  c.notes = "讨论涉案货值认定";
  c.conclusions = "按标价计算货值，移送公安机关";
  auto stored = repo.add_consultation(kSongshan, cs.id, c);
  ASSERT_TRUE(stored.ok()) << stored.status().to_string();
  auto list = repo.consultations(kLeague, cs.id);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].participants.size(), 2u);
  EXPECT_EQ((*list)[0].conclusions, "按标价计算货值，移送公安机关");
  EXPECT_EQ(repo.add_consultation(kHongshan, cs.id, c).status().code(), Code::kNotFound);
  c.participants = Json::array({Json{{"unit_code", "159999"}}});
  EXPECT_EQ(repo.add_consultation(kSongshan, cs.id, c).status().field(), "participants");
  EXPECT_EQ(timeline_kinds(cs.id), (std::vector<std::string>{"consultation"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, CooperationRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::store_testing
