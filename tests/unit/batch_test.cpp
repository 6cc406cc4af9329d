// batch: inputs, records, the pool (order, errors, time-outs, the window) and resuming, with
// hand-built summaries and stand-in analyzers, so that nothing here depends on extraction.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "clause_scan/batch.h"
#include "cli_support.h"

namespace fs = std::filesystem;
using namespace clause_scan;
using clause_scan::testing::read_text;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;

namespace {

std::vector<std::string> paths_of(const std::vector<InputFile>& inputs, const fs::path& base) {
  std::vector<std::string> paths;
  for (const InputFile& input : inputs) {
    std::string path = input.path;
    if (path.rfind(base.string(), 0) == 0) path = path.substr(base.string().size() + 1);
    paths.push_back(path + (input.error ? " [" + input.error->reason + "]" : ""));
  }
  return paths;
}

std::vector<InputFile> inputs_named(const std::vector<std::string>& paths) {
  std::vector<InputFile> inputs;
  for (const std::string& path : paths) inputs.push_back(InputFile{path, 100, std::nullopt});
  return inputs;
}

Summary summary_of(const std::string& path) {
  Summary summary;
  summary.file = path;
  summary.encoding = "UTF-8";
  summary.title = "合同 " + path;
  return summary;
}

// Echoes each path as a summary after a short random pause, so that workers finish out of
// order.
Analyzer shuffling_analyzer() {
  return [](const std::string& path, const Deadline&) -> Result<Summary> {
    thread_local std::mt19937 random(std::hash<std::thread::id>()(std::this_thread::get_id()));
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 2000));
    return summary_of(path);
  };
}

std::string run_to_string(const std::vector<InputFile>& inputs, const Analyzer& analyzer,
                          unsigned jobs, BatchStats* stats = nullptr,
                          BatchFormat format = BatchFormat::jsonl) {
  std::ostringstream out;
  BatchOptions options;
  options.jobs = jobs;
  BatchStats result = run_batch(inputs, analyzer, RecordWriter(format), out, options);
  if (stats != nullptr) *stats = result;
  return out.str();
}

}  // namespace

TEST_CASE("batch: CSV fields are quoted as RFC 4180 says") {
  struct Case {
    std::string text;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"运维服务合同", "运维服务合同"},
      {"", ""},
      {"甲方:东川市数据管理中心,乙方:东川云启", "\"甲方:东川市数据管理中心,乙方:东川云启\""},
      {"“中标金额”的 \"30%\"", "\"“中标金额”的 \"\"30%\"\"\""},
      {"第一行\n第二行", "\"第一行\n第二行\""},
      {"CR\r\nLF", "\"CR\r\nLF\""},
      {" leading space", " leading space"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(csv_field(c.text) == c.field);
  }
}

TEST_CASE("batch: error kinds outside the spec's list are written as internal") {
  struct Case {
    ErrorKind kind;
    std::string_view written;
  };
  const Case cases[] = {
      {ErrorKind::io, "io"},
      {ErrorKind::binary, "binary"},
      {ErrorKind::encoding, "encoding"},
      {ErrorKind::too_large, "too-large"},
      {ErrorKind::empty, "empty"},
      {ErrorKind::timeout, "internal"},
      {ErrorKind::rule, "internal"},
      {ErrorKind::usage, "internal"},
      {ErrorKind::internal, "internal"},
  };
  for (const Case& c : cases) {
    CAPTURE(to_string(c.kind));
    CHECK(batch_error_kind(c.kind) == c.written);
  }
}

TEST_CASE("batch: an error line is the spec's, key for key") {
  const RecordWriter jsonl(BatchFormat::jsonl);
  const Error error{ErrorKind::too_large, "elsewhere.txt",
                    "file is 70.0 MiB, over the 64 MiB limit"};
  CHECK(jsonl.record("归档/2019/大合同.txt", error) ==
        "{\"schema\":\"clause-scan/error/v1\",\"file\":\"归档/2019/大合同.txt\","
        "\"error\":\"file is 70.0 MiB, over the 64 MiB limit\",\"kind\":\"too-large\"}\n");
  const RecordWriter csv(BatchFormat::csv);
  CHECK(csv.record("a,b.txt", Error{ErrorKind::empty, "", "empty file"}) ==
        "\"a,b.txt\",,,,,,,,,,,,,,,,empty,empty file\r\n");
}

TEST_CASE("batch: the CSV row flattens the main fields") {
  Summary summary = summary_of("合同/运维,\"2026\".txt");
  summary.title = "运维服务合同";
  summary.contract_no = "HT-2026-018";
  Party buyer;
  buyer.role = "甲方";
  buyer.name = "东川市数据管理中心";
  Party seller;
  seller.role = "乙方";
  seller.name = "东川云启信息技术有限公司, 第二分公司";
  summary.parties = {buyer, seller};
  Amount threshold;
  threshold.value = *Decimal::parse("5000000");
  Amount price;
  price.label = "中标金额";
  price.value = *Decimal::parse("1977800");
  price.consistent = true;
  Amount deposit;
  deposit.label = "履约保证金";
  deposit.value = *Decimal::parse("98890");
  deposit.consistent = false;
  summary.amounts = {threshold, price, deposit};
  Period term;
  term.label = "服务期限";
  term.start.text = "合同签订日";
  term.end.date = Date{2026, 12, 31};
  term.end.text = "2026 年 12 月 31 日";
  summary.periods = {term};
  Installment first;
  first.percent = *Decimal::parse("70");
  Installment rest;
  rest.percent = *Decimal::parse("30");
  rest.remainder = true;
  Installment deposit_in_dollars;
  deposit_in_dollars.amount = *Decimal::parse("5000");
  deposit_in_dollars.currency = "USD";
  summary.payment_terms = {first, rest, deposit_in_dollars};
  Penalty late;
  late.percent = *Decimal::parse("0.05");
  late.per = RatePer::day;
  Penalty breach;
  breach.percent = *Decimal::parse("30");
  summary.penalties = {late, breach};
  Finding mismatch;
  mismatch.severity = Severity::error;
  summary.findings = {mismatch, Finding{}};

  const std::string row = RecordWriter(BatchFormat::csv).record(summary);
  CHECK(row ==
        "\"合同/运维,\"\"2026\"\".txt\",UTF-8,运维服务合同,HT-2026-018,"
        "\"甲方:东川市数据管理中心;乙方:东川云启信息技术有限公司, 第二分公司\","
        "1977800.00,中标金额,CNY,false,合同签订日,2026-12-31,70%;30%;5000.00 "
        "USD,0.05%/day;30%,1,1,0,,\r\n");
  CHECK(RecordWriter(BatchFormat::csv).header() ==
        "file,encoding,title,contract_no,parties,main_amount,main_amount_label,currency,"
        "amounts_consistent,term_start,term_end,installments,penalty_rates,findings_error,"
        "findings_warning,findings_info,error_kind,error\r\n");
  CHECK(RecordWriter(BatchFormat::csv, ByteOrderMark::utf8)
            .header()
            .rfind("\xEF\xBB\xBF"
                   "file,",
                   0) == 0);
}

TEST_CASE("batch: the main amount is the labelled price, else the largest that is no penalty") {
  auto amount = [](std::optional<std::string> label, const char* value) {
    Amount item;
    item.label = std::move(label);
    item.value = *Decimal::parse(value);
    return item;
  };
  Summary summary;
  CHECK(main_amount(summary) == nullptr);
  summary.amounts = {amount("违约金", "9000000")};
  CHECK(main_amount(summary)->value == *Decimal::parse("9000000"));
  summary.amounts = {amount("违约金", "9000000"), amount(std::nullopt, "5000000"),
                     amount("租金", "12000"), amount("履约保证金", "6000000")};
  CHECK(main_amount(summary)->value == *Decimal::parse("5000000"));
  summary.amounts.push_back(amount("合同总价（含税）", "286000"));
  CHECK(main_amount(summary)->value == *Decimal::parse("286000"));
}

TEST_CASE("batch: globs replace the default extensions") {
  struct Case {
    std::vector<std::string> globs;
    std::string_view name;
    std::string_view relative;
    bool taken;
  };
  const std::vector<Case> cases = {
      {{}, "采购合同.txt", "2019/采购合同.txt", true},
      {{}, "NOTES.MD", "NOTES.MD", true},
      {{}, "scan.pdf", "scan.pdf", false},
      {{}, "txt", "txt", false},
      {{"*.doc.txt"}, "a.txt", "a.txt", false},
      {{"*.doc.txt"}, "a.doc.txt", "x/a.doc.txt", true},
      {{"2019/*.txt"}, "a.txt", "2019/a.txt", true},
      {{"2019/*.txt"}, "a.txt", "2019/q1/a.txt", false},
      {{"*.csv", "合同*"}, "合同一", "合同一", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.relative);
    CHECK(matches_globs(c.globs, c.name, c.relative) == c.taken);
  }
}

TEST_CASE("batch: folders are walked in sorted order, links skipped unless followed") {
  TempDir dir;
  fs::create_directories(dir / "b/深");
  fs::create_directories(dir / "a");
  for (const char* name : {"b/2.txt", "b/10.txt", "b/深/合同 一.md", "a/x.txt", "a/skip.pdf"}) {
    write_text(dir / name, "x");
  }
  fs::create_directory_symlink(dir.path(), dir / "a/loop");  // a loop back to the root
  fs::create_symlink(dir / "b/2.txt", dir / "a/link.txt");

  SUBCASE("not followed") {
    std::vector<InputFile> inputs = collect_inputs({dir.path().string()}, InputOptions{});
    CHECK(paths_of(inputs, dir.path()) ==
          std::vector<std::string>{"a/x.txt", "b/10.txt", "b/2.txt", "b/深/合同 一.md"});
    CHECK(inputs.front().size == 1);
  }
  SUBCASE("followed: the loop is entered once") {
    InputOptions options;
    options.symlinks = SymlinkPolicy::follow;
    std::vector<InputFile> inputs = collect_inputs({dir.path().string()}, options);
    CHECK(paths_of(inputs, dir.path()) == std::vector<std::string>{"a/link.txt", "a/x.txt",
                                                                   "b/10.txt", "b/2.txt",
                                                                   "b/深/合同 一.md"});
  }
  SUBCASE("named files are taken whatever their name; a missing one is an io input") {
    std::vector<InputFile> inputs =
        collect_inputs({(dir / "a/skip.pdf").string(), (dir / "a/link.txt").string(),
                        (dir / "nope.txt").string(), (dir / "a/skip.pdf").string()},
                       InputOptions{});
    CHECK(paths_of(inputs, dir.path()) ==
          std::vector<std::string>{"a/link.txt", "a/skip.pdf", "nope.txt [no such file]"});
    CHECK(inputs.back().error->kind == ErrorKind::io);
  }
}

TEST_CASE("batch: an unreadable folder becomes an io input in its place") {
  if (geteuid() == 0) {
    MESSAGE("skipped: running as root, every folder is readable");
    return;
  }
  TempDir dir;
  fs::create_directories(dir / "locked");
  write_text(dir / "locked/a.txt", "x");
  write_text(dir / "m.txt", "x");
  fs::permissions(dir / "locked", fs::perms::none);
  std::vector<InputFile> inputs = collect_inputs({dir.path().string()}, InputOptions{});
  fs::permissions(dir / "locked", fs::perms::owner_all);
  CHECK(paths_of(inputs, dir.path()) ==
        std::vector<std::string>{"locked [permission denied]", "m.txt"});
}

TEST_CASE("batch: a list of paths keeps spaces and Chinese names") {
  std::istringstream list("合同 一.txt\r\n\n  leading.txt\n/归档/2019/b.md\nlast");
  CHECK(read_path_list(list) ==
        std::vector<std::string>{"合同 一.txt", "  leading.txt", "/归档/2019/b.md", "last"});
}

TEST_CASE("batch: records come in input order, the same bytes for any number of jobs") {
  std::vector<std::string> paths;
  for (int i = 0; i < 300; ++i) paths.push_back("f" + std::to_string(1000 + i) + ".txt");
  const std::vector<InputFile> inputs = inputs_named(paths);
  const std::string one = run_to_string(inputs, shuffling_analyzer(), 1);
  CHECK(testing::count_lines(one) == 300);
  CHECK(one.find("f1000.txt") < one.find("f1001.txt"));
  CHECK(one.find("f1298.txt") < one.find("f1299.txt"));
  for (unsigned jobs : {2u, 8u}) {
    CAPTURE(jobs);
    CHECK(run_to_string(inputs, shuffling_analyzer(), jobs) == one);
    CHECK(run_to_string(inputs, shuffling_analyzer(), jobs, nullptr, BatchFormat::csv) ==
          run_to_string(inputs, shuffling_analyzer(), 1, nullptr, BatchFormat::csv));
  }
}

TEST_CASE("batch: workers never run more than the window ahead of the writer") {
  const std::vector<InputFile> inputs = inputs_named(std::vector<std::string>(200, "same.txt"));
  std::atomic<std::size_t> started{0};
  Analyzer counting = [&](const std::string& path, const Deadline&) -> Result<Summary> {
    ++started;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    return summary_of(path);
  };
  BatchOptions options;
  options.jobs = 4;
  options.window = 6;
  std::size_t most_ahead = 0;
  std::ostringstream out;
  run_batch(inputs, counting, RecordWriter(BatchFormat::jsonl), out, options,
            [&](const BatchProgress& progress) {
              most_ahead = std::max(most_ahead, started.load() - progress.files_done);
            });
  CHECK(most_ahead <= options.window);
  CHECK(testing::count_lines(out.str()) == 200);
}

TEST_CASE("batch: one bad file costs no other its record") {
  std::vector<InputFile> inputs = inputs_named({"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"});
  inputs[3].error = Error{ErrorKind::io, "d.txt", "permission denied"};
  Analyzer analyzer = [](const std::string& path, const Deadline&) -> Result<Summary> {
    if (path == "b.txt") return Error{ErrorKind::binary, path, "binary file (PNG image)"};
    if (path == "c.txt") throw std::runtime_error("vector::_M_range_check:\n n >= size");
    return summary_of(path);
  };
  BatchStats stats;
  const std::string out = run_to_string(inputs, analyzer, 2, &stats);
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].find("\"file\":\"a.txt\",\"encoding\"") != std::string::npos);
  CHECK(lines[1] == R"json({"schema":"clause-scan/error/v1","file":"b.txt",)json"
                    R"json("error":"binary file (PNG image)","kind":"binary"})json");
  CHECK(lines[2] == R"json({"schema":"clause-scan/error/v1","file":"c.txt","error":)json"
                    R"json("internal error: vector::_M_range_check:  n >= size",)json"
                    R"json("kind":"internal"})json");
  CHECK(lines[3] == R"json({"schema":"clause-scan/error/v1","file":"d.txt",)json"
                    R"json("error":"permission denied","kind":"io"})json");
  CHECK(lines[4].find("\"file\":\"e.txt\",\"encoding\"") != std::string::npos);
  CHECK(stats.files == 5);
  CHECK(stats.bytes == 500);
  CHECK(stats.failed() == 3);
  CHECK(stats.errors ==
        std::map<std::string, std::size_t>{{"binary", 1}, {"internal", 1}, {"io", 1}});
}

TEST_CASE("batch: a file past the time limit becomes an error line and the run goes on") {
  // The stand-in analysis of slow.txt waits until the test lets it go, long after its
  // deadline; the others return at once.
  struct Gate {
    std::mutex mutex;
    std::condition_variable opened;
    bool open = false;
    bool slow_returned = false;
  };
  auto gate = std::make_shared<Gate>();
  Analyzer analyzer = [gate](const std::string& path, const Deadline&) -> Result<Summary> {
    if (path == "slow.txt") {
      std::unique_lock lock(gate->mutex);
      gate->opened.wait(lock, [&] { return gate->open; });
      gate->slow_returned = true;
      gate->opened.notify_all();
    }
    return summary_of(path);
  };
  const std::vector<InputFile> inputs = inputs_named({"a.txt", "slow.txt", "z1.txt", "z2.txt"});
  BatchOptions options;
  options.jobs = 2;
  options.timeout = std::chrono::milliseconds(300);
  std::ostringstream out;
  BatchStats stats = run_batch(inputs, analyzer, RecordWriter(BatchFormat::jsonl), out, options);

  CHECK(out.str().find(R"({"schema":"clause-scan/error/v1","file":"slow.txt",)"
                       R"("error":"timed out after 0.3 s","kind":"internal"})") !=
        std::string::npos);
  CHECK(out.str().find("\"file\":\"z2.txt\"") != std::string::npos);
  CHECK(stats.errors == std::map<std::string, std::size_t>{{"timeout", 1}});
  CHECK(stats.abandoned_threads == 1);

  std::unique_lock lock(gate->mutex);  // let the abandoned thread finish before the test ends
  gate->open = true;
  gate->opened.notify_all();
  gate->opened.wait(lock, [&] { return gate->slow_returned; });
}

namespace {

// A chunk analyzer made of an Analyzer: each path in turn (a stand-in for summarize_all).
ChunkAnalyzer chunk_of(Analyzer analyze) {
  return [analyze](const std::vector<std::string>& paths, const Deadline& deadline) {
    std::vector<Result<Summary>> results;
    for (const std::string& path : paths) results.push_back(analyze(path, deadline));
    return results;
  };
}

std::string run_chunked(const std::vector<InputFile>& inputs, const Analyzer& analyzer,
                        const ChunkAnalyzer& chunk, unsigned jobs, BatchStats* stats = nullptr,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
  std::ostringstream out;
  BatchOptions options;
  options.jobs = jobs;
  options.timeout = timeout;
  options.analyze_chunk = chunk;
  options.chunk_files = 4;
  options.chunk_bytes = 1000;  // inputs_named gives each 100 bytes: chunks of 4
  BatchStats result = run_batch(inputs, analyzer, RecordWriter(BatchFormat::jsonl), out, options);
  if (stats != nullptr) *stats = result;
  return out.str();
}

}  // namespace

TEST_CASE("batch: inputs claimed a chunk at a time give the same bytes, large ones alone") {
  std::vector<std::string> paths;
  for (int i = 0; i < 150; ++i) paths.push_back("f" + std::to_string(1000 + i) + ".txt");
  std::vector<InputFile> inputs = inputs_named(paths);
  inputs[7].size = 5000;  // more than chunk_bytes: analysed alone, by the Analyzer
  inputs[9].error = Error{ErrorKind::io, "f1009.txt", "permission denied"};
  std::atomic<int> alone{0};
  std::atomic<int> chunked{0};
  Analyzer counting = [&](const std::string& path, const Deadline& deadline) -> Result<Summary> {
    ++alone;
    return shuffling_analyzer()(path, deadline);
  };
  ChunkAnalyzer chunk = [&](const std::vector<std::string>& chunk_paths, const Deadline& deadline) {
    chunked += static_cast<int>(chunk_paths.size());
    return chunk_of(shuffling_analyzer())(chunk_paths, deadline);
  };
  const std::string one = run_to_string(inputs, shuffling_analyzer(), 1);
  for (unsigned jobs : {1u, 3u}) {
    CAPTURE(jobs);
    alone = 0;
    chunked = 0;
    CHECK(run_chunked(inputs, counting, chunk, jobs) == one);
    CHECK(alone + chunked == 149);  // the input with an error is not analysed
    CHECK(alone >= 1);              // f1007.txt at least
    CHECK(chunked >= 100);          // most inputs went in chunks
  }
}

TEST_CASE("batch: a chunk past the time limit is analysed again file by file") {
  // The chunk analyzer of any chunk holding slow.txt, and the Analyzer of slow.txt alone,
  // wait until the test lets them go, long after their deadline.
  struct Gate {
    std::mutex mutex;
    std::condition_variable opened;
    bool open = false;
    int waiting = 0;
  };
  auto gate = std::make_shared<Gate>();
  auto wait_if_slow = [gate](const std::string& path) {
    if (path != "slow.txt") return;
    std::unique_lock lock(gate->mutex);
    ++gate->waiting;
    gate->opened.wait(lock, [&] { return gate->open; });
    --gate->waiting;
    gate->opened.notify_all();
  };
  Analyzer analyzer = [wait_if_slow](const std::string& path, const Deadline&) -> Result<Summary> {
    wait_if_slow(path);
    return summary_of(path);
  };
  const std::vector<InputFile> inputs =
      inputs_named({"a.txt", "b.txt", "slow.txt", "c.txt", "d.txt", "e.txt", "f.txt"});
  // Two jobs: the chunk's thread and then slow.txt's are abandoned, and the pool still
  // starts a worker for the rest (with chunks it allows two abandoned threads per job).
  BatchStats stats;
  const std::string out =
      run_chunked(inputs, analyzer, chunk_of(analyzer), 2, &stats, std::chrono::milliseconds(300));

  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 7);
  for (std::size_t at : {0, 1, 3, 4, 5, 6}) {
    CAPTURE(at);
    CHECK(lines[at].find("\"title\":\"合同 ") != std::string::npos);
  }
  CHECK(lines[2] == R"({"schema":"clause-scan/error/v1","file":"slow.txt",)"
                    R"("error":"timed out after 0.3 s","kind":"internal"})");
  CHECK(stats.errors == std::map<std::string, std::size_t>{{"timeout", 1}});
  CHECK(stats.abandoned_threads == 2);  // the chunk's thread, then slow.txt's alone

  std::unique_lock lock(gate->mutex);  // let the abandoned threads finish before the test ends
  gate->open = true;
  gate->opened.notify_all();
  gate->opened.wait(lock, [&] { return gate->waiting == 0; });
}

TEST_CASE("batch: a chunk whose analysis throws is analysed again file by file") {
  Analyzer analyzer = [](const std::string& path, const Deadline&) -> Result<Summary> {
    if (path == "c.txt") throw std::runtime_error("bad c");
    return summary_of(path);
  };
  ChunkAnalyzer throwing = [](const std::vector<std::string>&,
                              const Deadline&) -> std::vector<Result<Summary>> {
    throw std::runtime_error("bad chunk");
  };
  BatchStats stats;
  const std::string out = run_chunked(inputs_named({"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"}),
                                      analyzer, throwing, 2, &stats);
  CHECK(testing::count_lines(out) == 5);
  CHECK(out.find(R"("file":"c.txt","error":"internal error: bad c","kind":"internal")") !=
        std::string::npos);
  CHECK(stats.errors == std::map<std::string, std::size_t>{{"internal", 1}});
}

TEST_CASE("batch: the time-out reason names the limit") {
  CHECK(timeout_reason(std::chrono::milliseconds(5000)) == "timed out after 5 s");
  CHECK(timeout_reason(std::chrono::milliseconds(250)) == "timed out after 0.25 s");
  CHECK(timeout_reason(std::chrono::milliseconds(1500)) == "timed out after 1.5 s");
}

TEST_CASE("batch: resuming keeps the records that match the inputs one for one") {
  const std::vector<InputFile> inputs = inputs_named({"a.txt", "b,\"q\".txt", "c.txt", "d.txt"});
  Analyzer analyzer = [](const std::string& path, const Deadline&) -> Result<Summary> {
    if (path == "c.txt") return Error{ErrorKind::empty, path, "empty file"};
    Summary summary = summary_of(path);
    summary.title = "多行\n标题, \"引号\"";  // CSV records over two lines
    return summary;
  };
  for (BatchFormat format : {BatchFormat::jsonl, BatchFormat::csv}) {
    CAPTURE(format == BatchFormat::csv);
    const RecordWriter writer(format, ByteOrderMark::utf8);
    std::ostringstream whole;
    whole << writer.header();
    run_batch(inputs, analyzer, writer, whole, BatchOptions{});
    const std::string full = whole.str();
    auto scan = [&](const std::string& bytes) {
      std::istringstream in(bytes);
      Result<ResumeScan> result = scan_existing_output(in, writer, inputs);
      REQUIRE(result.ok());
      return result.value();
    };

    SUBCASE("complete") {
      ResumeScan all = scan(full);
      CHECK(all.point.kept == 4);
      CHECK(all.keep_offset == full.size());
      CHECK(all.point.kept_bytes == 400);
      CHECK(all.point.kept_errors == std::map<std::string, std::size_t>{{"empty", 1}});
    }
    SUBCASE("torn in the third record") {
      const std::size_t third = full.find("c.txt");
      const std::size_t torn_at = full.find('\n', third) - 1;
      ResumeScan torn = scan(full.substr(0, torn_at));
      CHECK(torn.point.kept == 2);
      CHECK(full.substr(torn.keep_offset).rfind(format == BatchFormat::csv ? "c.txt" : "{", 0) ==
            0);
    }
    SUBCASE("torn in the header") {
      ResumeScan empty = scan(full.substr(0, 2));
      CHECK(empty.point.kept == 0);
      CHECK(empty.keep_offset == 0);
    }
    SUBCASE("inputs changed: kept up to the first mismatch") {
      std::vector<InputFile> changed = inputs;
      changed[1].path = "b0.txt";
      std::istringstream in(full);
      Result<ResumeScan> result = scan_existing_output(in, writer, changed);
      REQUIRE(result.ok());
      CHECK(result.value().point.kept == 1);
    }
  }
}

TEST_CASE("batch: resuming refuses an output of another kind") {
  const std::vector<InputFile> inputs = inputs_named({"a.txt"});
  std::istringstream csv_output("file,encoding\r\na.txt,UTF-8\r\n");
  Result<ResumeScan> as_jsonl =
      scan_existing_output(csv_output, RecordWriter(BatchFormat::jsonl), inputs);
  REQUIRE_FALSE(as_jsonl.ok());
  CHECK(as_jsonl.error().reason == "the first line is not a batch record in JSON Lines");
  std::istringstream jsonl_output("{\"schema\":\"clause-scan/summary/v1\",\"file\":\"a.txt\"}\n");
  Result<ResumeScan> as_csv =
      scan_existing_output(jsonl_output, RecordWriter(BatchFormat::csv), inputs);
  REQUIRE_FALSE(as_csv.ok());
  CHECK(as_csv.error().kind == ErrorKind::usage);
}

TEST_CASE("batch: the output file appears complete or not at all") {
  TempDir dir;
  const fs::path file = dir / "out.csv";
  const std::vector<InputFile> inputs = inputs_named({"a.txt", "b.txt", "c.txt"});
  const RecordWriter writer(BatchFormat::csv);
  Analyzer analyzer = [](const std::string& path, const Deadline&) -> Result<Summary> {
    return summary_of(path);
  };
  std::string expected = writer.header();
  for (const InputFile& input : inputs) expected += writer.record(summary_of(input.path));

  SUBCASE("fresh: written as FILE.partial, renamed by commit") {
    auto output = OutputFile::open(file, OutputMode::fresh, writer, inputs);
    REQUIRE(output.ok());
    run_batch(inputs, analyzer, writer, output.value()->stream(), BatchOptions{});
    output.value()->flush();
    CHECK_FALSE(fs::exists(file));
    CHECK(read_text(partial_path(file)) == expected);
    REQUIRE(output.value()->commit().ok());
    CHECK(read_text(file) == expected);
    CHECK_FALSE(fs::exists(partial_path(file)));
  }
  SUBCASE("a second run cannot write the same partial") {
    auto first = OutputFile::open(file, OutputMode::fresh, writer, inputs);
    REQUIRE(first.ok());
    auto second = OutputFile::open(file, OutputMode::fresh, writer, inputs);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message() ==
          partial_path(file).string() + ": another batch run is writing it");
  }
  SUBCASE("resume: a torn partial is cut back and completed") {
    write_text(partial_path(file), expected.substr(0, expected.find("b.txt") + 3));
    auto output = OutputFile::open(file, OutputMode::resume, writer, inputs);
    REQUIRE(output.ok());
    CHECK(output.value()->resumed().kept == 1);
    const std::vector<InputFile> rest(inputs.begin() + 1, inputs.end());
    run_batch(rest, analyzer, writer, output.value()->stream(), BatchOptions{});
    REQUIRE(output.value()->commit().ok());
    CHECK(read_text(file) == expected);
  }
  SUBCASE("resume: a finished FILE with nothing new is left as it was") {
    write_text(file, expected);
    auto output = OutputFile::open(file, OutputMode::resume, writer, inputs);
    REQUIRE(output.ok());
    CHECK(output.value()->resumed().kept == 3);
    REQUIRE(output.value()->commit().ok());
    CHECK(read_text(file) == expected);
  }
}
