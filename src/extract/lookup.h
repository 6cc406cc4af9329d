// extract/lookup.h: finding what the contract defined, by name (internal).
//
// Installments and penalties name their base by a label (中标金额的30%, 合同总价的10%); the
// sum itself is defined elsewhere (2.2 中标金额：…1977800 元). These helpers match such labels
// loosely enough for the ways contracts refer back (本项目中标金额, 项目中标金额 and 中标金额
// are one label) and no further.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "clause_scan/summary.h"

namespace clause_scan::extract {

// The label without the determiners contracts put before a defined term: 本, 本项目, 项目,
// 本合同, 合同 (only before 总价/金额/价款 …), 该, 上述, 约定的.
// A fee written 费用 is the same fee as 费 (设计费用 -> 设计费).
std::string core_label(std::string_view label);

// True when two labels name the same sum (equal core labels).
bool same_label(std::string_view a, std::string_view b);

// The first amount whose label is the same as `label` (and that is not approximate), or
// nullptr.
const Amount* find_amount(const Summary& summary, std::string_view label);

}  // namespace clause_scan::extract
