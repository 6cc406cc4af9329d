#include "extract/lookup.h"

#include <array>

#include "util/text.h"

namespace clause_scan::extract {
namespace {

// Longest first, so that 本项目 is removed before 本.
constexpr std::array<std::string_view, 9> kDeterminers = {
    "本项目", "本合同", "本协议", "约定的", "上述", "项目", "本", "该", "其"};

// core_label without the copy: a view into `label`.
std::string_view core_view(std::string_view label) {
  label = util::trim(label);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view determiner : kDeterminers) {
      // Keep at least two characters (6 bytes of CJK) of the label itself.
      if (util::starts_with(label, determiner) && label.size() >= determiner.size() + 6) {
        label.remove_prefix(determiner.size());
        stripped = true;
        break;
      }
    }
  }
  // 设计费用 and 设计费 are one fee.
  constexpr std::string_view kFeeWord = "费用";
  if (util::ends_with(label, kFeeWord) && label.size() >= kFeeWord.size() + 6) {
    label.remove_suffix(kFeeWord.size() - std::string_view("费").size());
  }
  return label;
}

}  // namespace

std::string core_label(std::string_view label) { return std::string(core_view(label)); }

bool same_label(std::string_view a, std::string_view b) { return core_view(a) == core_view(b); }

const Amount* find_amount(const Summary& summary, std::string_view label) {
  // Every installment and penalty looks up its base here, and a long file (contracts pasted
  // one after another) has thousands of both: the base's core label is made once, and an
  // amount's core label only when its label holds the base's. Still one pass over the
  // amounts per lookup, but a search of a few bytes per amount.
  const std::string_view core = core_view(label);
  for (const Amount& amount : summary.amounts) {
    if (!amount.label || amount.approximate) continue;
    const std::string_view trimmed = util::trim(*amount.label);
    if (trimmed.find(core) != std::string_view::npos && core_view(trimmed) == core) {
      return &amount;
    }
  }
  return nullptr;
}

}  // namespace clause_scan::extract
