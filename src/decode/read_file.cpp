// Reading files: the size check before reading, system errors in a few plain words.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "clause_scan/decode.h"
#include "decode/internal.h"

namespace clause_scan {
namespace {

Error io_error(const std::filesystem::path& path, std::error_code code) {
  std::string reason;
  if (code == std::errc::no_such_file_or_directory) {
    reason = "no such file";
  } else if (code == std::errc::is_a_directory) {
    reason = "is a directory";
  } else if (code == std::errc::permission_denied || code == std::errc::operation_not_permitted) {
    reason = "permission denied";
  } else {
    reason = code.message();  // "Not a directory" -> "not a directory"
    if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] += 'a' - 'A';
  }
  return Error{ErrorKind::io, path.string(), std::move(reason)};
}

std::error_code last_system_error() { return std::error_code(errno, std::generic_category()); }

struct CloseFile {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// Reads to the end, refusing to hold more than max_size bytes (for files that grow, and for
// pipes and devices, whose size is not known in advance).
Result<std::string> read_all(std::FILE* file, const std::filesystem::path& path,
                             std::size_t expected_size, std::size_t max_size) {
  std::string bytes;
  bytes.reserve(expected_size);
  char chunk[64 * 1024];
  while (std::size_t read = std::fread(chunk, 1, sizeof chunk, file)) {
    if (bytes.size() + read > max_size) {
      Error error = decode_detail::too_large(bytes.size() + read, max_size);
      error.file = path.string();
      return error;
    }
    bytes.append(chunk, read);
  }
  if (std::ferror(file)) return io_error(path, last_system_error());
  return bytes;
}

}  // namespace

namespace decode_detail {

Error too_large(std::size_t size, std::size_t max_size) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  std::string limit = max_size % kMiB == 0 && max_size > 0 ? fmt::format("{} MiB", max_size / kMiB)
                                                           : fmt::format("{} bytes", max_size);
  // Near the limit, one decimal could print the limit itself: give the bytes then.
  std::string actual = size >= kMiB && size > max_size + max_size / 100
                           ? fmt::format("{:.1f} MiB", static_cast<double>(size) / kMiB)
                           : fmt::format("{} bytes", size);
  return Error{ErrorKind::too_large, "",
               fmt::format("file is {}, over the {} limit (--max-size)", actual, limit)};
}

}  // namespace decode_detail

Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_size) {
  std::error_code code;
  const std::filesystem::file_status status = std::filesystem::status(path, code);
  if (code) return io_error(path, code);
  if (std::filesystem::is_directory(status)) {
    return io_error(path, std::make_error_code(std::errc::is_a_directory));
  }
  std::size_t size = 0;
  if (std::filesystem::is_regular_file(status)) {
    size = std::filesystem::file_size(path, code);
    if (code) return io_error(path, code);
    if (size > max_size) {
      Error error = decode_detail::too_large(size, max_size);
      error.file = path.string();
      return error;
    }
  }
  std::unique_ptr<std::FILE, CloseFile> file(std::fopen(path.c_str(), "rb"));
  if (!file) return io_error(path, last_system_error());
  return read_all(file.get(), path, size, max_size);
}

Result<DecodedText> read_and_decode(const std::filesystem::path& path,
                                    const DecodeOptions& options) {
  Result<std::string> bytes = read_file(path, options.max_size);
  if (!bytes.ok()) return bytes.error();
  return decode(bytes.value(), options, path.string());
}

}  // namespace clause_scan
