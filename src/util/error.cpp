#include "clause_scan/error.h"

namespace clause_scan {

std::string_view to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::io:
      return "io";
    case ErrorKind::binary:
      return "binary";
    case ErrorKind::encoding:
      return "encoding";
    case ErrorKind::too_large:
      return "too-large";
    case ErrorKind::empty:
      return "empty";
    case ErrorKind::timeout:
      return "timeout";
    case ErrorKind::rule:
      return "rule";
    case ErrorKind::usage:
      return "usage";
    case ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

std::string Error::message() const {
  if (file.empty()) return reason;
  return file + ": " + reason;
}

}  // namespace clause_scan
