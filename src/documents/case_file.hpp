// Loading what an official document prints (documents/case_documents.hpp CaseFile) from the
// store, within the actor's scope: the case, its progress and timeline, its lead and enterprise
// when visible, its unit's name and its attachments.
#pragma once

#include "documents/case_documents.hpp"
#include "store/store.hpp"

namespace lj::documents {

Result<CaseFile> load_case_file(Store& store, const Actor& actor, int64_t case_id);

}  // namespace lj::documents
