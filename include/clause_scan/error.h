// error.h: the one error type of clause-scan, and Result<T>, a value or an error.
//
// Policy (docs/ARCHITECTURE.md, "Errors"): the library never throws across its API and never
// prints. A function that can fail returns Result<T>; the error carries its kind, the file it
// concerns and a one-line reason. Only src/cli/ turns an Error into a message on stderr and an
// exit status; in batch it becomes that file's error line and the run goes on.
//
//   Result<DecodedText> decoded = decode(bytes, options, "a.txt");
//   if (!decoded.ok()) return decoded.error();   // pass it up unchanged
//   use(decoded.value());
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace clause_scan {

// What went wrong, in the words of the batch output (spec check-and-batch-v1.md):
// io, binary, encoding, too-large, empty, internal; plus the kinds that stop a whole run.
enum class ErrorKind {
  io,         // missing path, unreadable file, a directory where a file was expected
  binary,     // NUL bytes or too many control characters: not a text document
  encoding,   // bytes that do not decode in the detected or requested encoding
  too_large,  // input above the size limit (--max-size)
  empty,      // no bytes, or nothing but white space
  timeout,    // analysis took longer than the per-file limit (batch --timeout)
  rule,       // a broken rule file, term list or calendar: path:line: reason
  usage,      // a bad command line or configuration value
  internal,   // a bug in clause-scan; the message says what was being done
};

// "io", "binary", "encoding", "too-large", "empty", "timeout", "rule", "usage", "internal".
std::string_view to_string(ErrorKind kind);

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string file;    // the file concerned as the user named it; may be empty
  std::string reason;  // one line, no trailing period, e.g. "invalid UTF-8 at byte 1042"

  // "file: reason", or just the reason when there is no file. One line.
  std::string message() const;
};

// A value of type T, or an Error. Cheap to move; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok()
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace clause_scan
