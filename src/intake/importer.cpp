#include "intake/importer.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "intake/sampling_records.hpp"
#include "store/sql/sampling_repo.hpp"
#include "classify/service.hpp"
#include "store/sql/classify_repo.hpp"

namespace lj::intake {

namespace {

// The valid records of up to batch_size rows, and what was rejected among them.
struct Batch {
  std::vector<Lead> leads;
  std::vector<Enterprise> enterprises;
  std::vector<screen::SamplingResult> samples;
  std::vector<LabelProvenance> provenance;  // per lead, when a classifier labels them
  std::vector<RowError> errors;  // only while the run's kept errors are under the cap
  int64_t rejected = 0;
  int64_t rows = 0;  // rows read into this batch
  size_t size() const { return leads.size() + enterprises.size() + samples.size(); }
};

// A bounded hand-over from the reading thread to the writing one.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  // False when the consumer has stopped (the batch is dropped).
  bool push(Batch b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return queue_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    queue_.push_back(std::move(b));
    cv_.notify_all();
    return true;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }
  // False when closed and drained.
  bool pop(Batch& b) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return false;
    b = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  size_t capacity_;
  bool closed_ = false;
  bool stopped_ = false;
};

// Reads and validates rows into batches (the reading thread).
class BatchMaker {
 public:
  BatchMaker(Kind kind, RowReader& rows, const ImportContext& context, const ImportOptions& options)
      : kind_(kind), rows_(rows), context_(context), options_(options) {}

  void run(BatchQueue& queue) {
    Batch batch;
    Row row;
    while (rows_.next(row)) {
      ++batch.rows;
      add(row, batch);
      if (batch.size() >= options_.batch_size) {
        if (!queue.push(std::move(batch))) return;
        batch = Batch();
        if (queue.stopped()) return;
      }
    }
    if (batch.rows > 0) queue.push(std::move(batch));
  }

 private:
  void reject(Batch& batch, int64_t line, std::string field, std::string reason) {
    ++batch.rejected;
    if (kept_errors_ < options_.max_errors) {
      ++kept_errors_;
      batch.errors.push_back(RowError{line, std::move(field), std::move(reason)});
    }
  }

  void add(Row& row, Batch& batch) {
    if (row.bad()) return reject(batch, row.line, row.error_field, row.error_reason);
    if (kind_ == Kind::kLeads) {
      Result<Lead> lead = lead_from_row(row.object, context_.vocab);
      if (!lead.ok())
        return reject(batch, row.line, lead.status().field(), lead.status().message());
      lead->unit_code = route_lead(*lead, context_.units, context_.gazetteer.get());
      if (context_.classifier)
        batch.provenance.push_back(
            classify::label_lead(*context_.classifier, *lead, classify::given_in(*lead)));
      batch.leads.push_back(std::move(*lead));
    } else if (kind_ == Kind::kSampling) {
      auto s = sampling_from_row(row.object, context_.vocab, context_.category_action);
      if (!s.ok()) return reject(batch, row.line, s.status().field(), s.status().message());
      s->unit_code = route_sample(*s, context_.units, context_.gazetteer.get());
      batch.samples.push_back(std::move(*s));
    } else {
      Result<Enterprise> e = enterprise_from_row(row.object);
      if (!e.ok()) return reject(batch, row.line, e.status().field(), e.status().message());
      batch.enterprises.push_back(std::move(*e));
    }
  }

  Kind kind_;
  RowReader& rows_;
  const ImportContext& context_;
  const ImportOptions& options_;
  size_t kept_errors_ = 0;
};

}  // namespace

nlohmann::ordered_json summary_json(const ImportSummary& s) {
  using Ordered = nlohmann::ordered_json;
  Ordered errors = Ordered::array();
  for (const RowError& e : s.errors)
    errors.push_back(Ordered{{"line", e.line}, {"field", e.field}, {"reason", e.reason}});
  Ordered out = {{"accepted", s.accepted},
                 {"duplicates", s.duplicates},
                 {"rejected", s.rejected},
                 {"errors", std::move(errors)}};
  if (s.errors_truncated()) {
    out["errors_truncated"] = true;
    out["errors_omitted"] = s.rejected - static_cast<int64_t>(s.errors.size());
  }
  return out;
}

Result<ImportContext> load_import_context(Store& store) {
  ImportContext context;
  LJ_ASSIGN_OR_RETURN(std::vector<CodeEntry> codes, store.list_codes(""));
  context.vocab = Vocabulary(codes);
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, store.list_units(""));
  LJ_ASSIGN_OR_RETURN(context.units, UnitIndex::build(units));
  for (const CodeEntry& c : codes)
    if (c.kind == "product_category" && !c.parent.empty()) context.category_action[c.code] = c.parent;
  return context;
}

ImportSummary import_rows(Store& store, const Actor& actor, Kind kind, RowReader& rows,
                          const ImportContext& context, const ImportOptions& options) {
  ImportSummary summary;
  BatchQueue queue(2);
  BatchMaker maker(kind, rows, context, options);
  std::thread reader([&] {
    maker.run(queue);
    queue.close();
  });
  int64_t rows_read = 0;
  Batch batch;
  while (queue.pop(batch)) {
    Result<std::vector<Upserted>> stored =
        kind == Kind::kLeads       ? store.insert_leads(actor, batch.leads)
        : kind == Kind::kSampling ? sql::store_sampling_batch(store, actor, batch.samples)
                                   : store.upsert_enterprises(actor, batch.enterprises);
    if (!stored.ok()) {
      summary.status = stored.status();
      queue.stop();
      break;
    }
    for (const Upserted& u : *stored) ++(u.created ? summary.accepted : summary.duplicates);
    if (!batch.provenance.empty()) {
      std::vector<std::pair<int64_t, LabelProvenance>> labelled;
      for (size_t i = 0; i < stored->size(); ++i)
        if ((*stored)[i].created) labelled.emplace_back((*stored)[i].id, batch.provenance[i]);
      Status recorded = ClassifyRepo(store.sql()).record_provenance(actor, labelled);
      if (!recorded.ok()) {
        summary.status = recorded;
        queue.stop();
        break;
      }
    }
    if (kind == Kind::kLeads && options.on_leads_stored) {
      std::vector<int64_t> created;
      for (const Upserted& u : *stored)
        if (u.created) created.push_back(u.id);
      if (Status st = options.on_leads_stored(created); !st.ok()) {
        summary.status = st;
        queue.stop();
        break;
      }
    }
    summary.rejected += batch.rejected;
    for (RowError& e : batch.errors) summary.errors.push_back(std::move(e));
    rows_read += batch.rows;
    if (options.on_batch) options.on_batch(rows_read);
  }
  reader.join();
  if (summary.status.ok()) summary.status = rows.status();
  return summary;
}

}  // namespace lj::intake
