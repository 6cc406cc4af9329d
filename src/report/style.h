// report/style.h: terminal colours for the text writers (internal to the report stage).
#pragma once

#include <string>

#include "clause_scan/report.h"
#include "clause_scan/rules.h"

namespace clause_scan::report {

// Wraps text in ANSI colour codes when colour is on; returns it unchanged otherwise.
class Painter {
 public:
  explicit Painter(Color color) : on_(color == Color::always) {}

  std::string bold(const std::string& text) const { return wrap("1", text); }
  std::string dim(const std::string& text) const { return wrap("2", text); }
  std::string red(const std::string& text) const { return wrap("31", text); }
  std::string green(const std::string& text) const { return wrap("32", text); }
  std::string yellow(const std::string& text) const { return wrap("33", text); }
  std::string cyan(const std::string& text) const { return wrap("36", text); }
  std::string severity(Severity severity, const std::string& text) const {
    switch (severity) {
      case Severity::error:
        return red(text);
      case Severity::warning:
        return yellow(text);
      case Severity::info:
        return cyan(text);
    }
    return text;
  }

 private:
  std::string wrap(const char* code, const std::string& text) const {
    if (!on_) return text;
    return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
  }
  bool on_;
};

}  // namespace clause_scan::report
