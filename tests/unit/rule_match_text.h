// rule_match_text.h: a rule match written out with its captures, so that tests compare two
// scans field by field ("rule#pattern@begin-end name=begin-end ...").
#pragma once

#include <sstream>
#include <string>

#include "clause_scan/rules.h"

namespace clause_scan::testing {

inline std::string describe(const RuleMatch& match) {
  std::ostringstream out;
  out << match.rule->id << '#' << match.pattern << '@' << match.begin << '-' << match.end;
  for (const Capture& capture : match.captures) {
    out << ' ' << capture.name << '=' << capture.begin << '-' << capture.end;
  }
  return out.str();
}

}  // namespace clause_scan::testing
