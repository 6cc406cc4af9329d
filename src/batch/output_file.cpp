// -o FILE: written as FILE.partial (locked, resumable) and renamed to FILE at the end.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

#include "clause_scan/batch.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;

std::string system_reason(int code) {
  std::string reason = std::strerror(code);
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] += 'a' - 'A';
  return reason;
}

Error io_error(const fs::path& path, const std::string& what, int code) {
  return Error{ErrorKind::io, path.string(), what + ": " + system_reason(code)};
}

// The bytes to resume from: FILE.partial when it exists, else a copy of a finished FILE.
Status prepare_resume_source(const fs::path& file, const fs::path& partial, bool partial_existed) {
  if (partial_existed) return {};
  std::error_code error;
  if (!fs::exists(file, error)) return {};
  fs::copy_file(file, partial, fs::copy_options::overwrite_existing, error);
  if (error) return io_error(partial, "cannot copy " + file.string(), error.value());
  return {};
}

}  // namespace

struct OutputFile::Stream {
  std::ofstream out;
};

fs::path partial_path(const fs::path& file) {
  fs::path partial = file;
  partial += ".partial";
  return partial;
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const fs::path& file, OutputMode mode,
                                                     const RecordWriter& writer,
                                                     const std::vector<InputFile>& inputs) {
  std::unique_ptr<OutputFile> output(new OutputFile());
  output->file_ = file;
  output->partial_ = clause_scan::partial_path(file);
  std::error_code exists_error;
  const bool partial_existed = fs::exists(output->partial_, exists_error);
  output->lock_fd_ = ::open(output->partial_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (output->lock_fd_ < 0) return io_error(output->partial_, "cannot write", errno);
  if (::flock(output->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return Error{ErrorKind::usage, output->partial_.string(), "another batch run is writing it"};
  }
  std::uintmax_t keep = 0;
  if (mode == OutputMode::resume) {
    if (Status copied = prepare_resume_source(file, output->partial_, partial_existed); !copied) {
      return copied.error();
    }
    std::ifstream existing(output->partial_, std::ios::binary);
    Result<ResumeScan> scan = scan_existing_output(existing, writer, inputs);
    if (!scan.ok())
      return Error{ErrorKind::usage, output->partial_.string(),
                   "cannot resume: " + scan.error().reason};
    keep = scan.value().keep_offset;
    output->resumed_ = scan.value().point;
  }
  if (::ftruncate(output->lock_fd_, static_cast<off_t>(keep)) != 0) {
    return io_error(output->partial_, "cannot truncate", errno);
  }
  output->stream_ = std::make_unique<Stream>();
  output->stream_->out.open(output->partial_, std::ios::binary | std::ios::app);
  if (!output->stream_->out) return io_error(output->partial_, "cannot write", errno);
  if (keep == 0) output->stream_->out << writer.header();
  return output;
}

OutputFile::~OutputFile() {
  stream_.reset();
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::ostream& OutputFile::stream() { return stream_->out; }

void OutputFile::flush() { stream_->out.flush(); }

Status OutputFile::commit() {
  stream_->out.flush();
  if (!stream_->out) return io_error(partial_, "cannot write", errno ? errno : EIO);
  stream_->out.close();
  if (::fsync(lock_fd_) != 0) return io_error(partial_, "cannot write", errno);
  if (std::rename(partial_.c_str(), file_.c_str()) != 0) {
    return io_error(file_, "cannot rename " + partial_.string() + " to it", errno);
  }
  return {};
}

}  // namespace clause_scan
