// decode: every encoding in and out, and every way a file is refused.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/decode.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kParty = "甲方（委托人）：上海市大数据中心";
constexpr std::string_view kParagraphs =
    "运维服务合同\n"
    "合同编号：11NMB2F042362026202\n"
    "甲方（委托人）：上海市大数据中心\n"
    "乙方（受托人）：上海科技网络通信有限公司\n"
    "第一条 中标金额合计人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n"
    "第二条 服务期限：自合同签订之日起至 2026 年 12 月 31 日止。\n"
    "第三条 乙方逾期履行的，每逾期一日按合同总价的 0.5‰ 向甲方支付违约金，"
    "最高不超过合同总额的 10%。\n";
constexpr std::string_view kMostlyAscii =
    "Contract No. 11NMB2F042362026202\nAmount: CNY 1977800.00\n甲方：张三\n";
// The same in traditional characters: Big5 has no simplified ones.
constexpr std::string_view kPartyTraditional = "甲方（委託人）：上海市大數據中心";
constexpr std::string_view kParagraphsTraditional =
    "運維服務合同\n"
    "甲方（委託人）：上海市大數據中心\n"
    "乙方（受託人）：上海科技網絡通信有限公司\n"
    "第一條 中標金額合計人民幣 1977800 元（大寫：壹佰玖拾柒萬柒仟捌佰元整）。\n"
    "第二條 服務期限：自合同簽訂之日起至 2026 年 12 月 31 日止。\n";

std::string encoded(std::string_view text, std::string_view encoding) {
  Result<std::string> bytes = encode(text, encoding);
  REQUIRE_MESSAGE(bytes.ok(), bytes.error().message());
  return bytes.value();
}

Result<DecodedText> decode_bytes(std::string_view bytes, std::string_view forced = "") {
  DecodeOptions options;
  options.encoding = std::string(forced);
  return decode(bytes, options, "contract.txt");
}

std::string error_of(const Result<DecodedText>& decoded) {
  return decoded.ok() ? "(decoded as " + decoded->encoding + ")" : decoded.error().reason;
}

// A folder under the system's temporary folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() / ("clause-scan-decode-test-" + std::to_string(::getpid()) +
                                        "-" + std::to_string(++counter));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::permissions(path / "locked.txt", fs::perms::owner_all, ignored);
    fs::remove_all(path, ignored);
  }
  fs::path write(const std::string& name, std::string_view bytes) const {
    std::ofstream(path / name, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path / name;
  }
};

const std::string kUtf8Bom = "\xEF\xBB\xBF";
const std::string kUtf16LeBom = "\xFF\xFE";
const std::string kUtf16BeBom = "\xFE\xFF";
const std::string kUtf32LeBom = std::string("\xFF\xFE\x00\x00", 4);
const std::string kUtf32BeBom = std::string("\x00\x00\xFE\xFF", 4);

}  // namespace

TEST_CASE("decode: each encoding round trip") {
  struct Case {
    std::string_view text;
    std::string_view encode_as;
    std::string bom;
    std::string_view expected_encoding;
  };
  const std::vector<Case> cases = {
      {kParty, "UTF-8", "", "UTF-8"},
      {kParagraphs, "UTF-8", kUtf8Bom, "UTF-8"},
      {kParty, "GB18030", "", "GB18030"},
      {kParagraphs, "GB18030", "", "GB18030"},
      {"罕见字：㐀䶵𠀀（四字节）", "GB18030", "", "GB18030"},
      {kParty, "GBK", "", "GB18030"},
      {kParagraphs, "GBK", "", "GB18030"},
      {kParagraphs, "GB2312", "", "GB18030"},
      {kPartyTraditional, "Big5", "", "Big5"},
      {kParagraphsTraditional, "Big5", "", "Big5"},
      {kParty, "UTF-16LE", kUtf16LeBom, "UTF-16LE"},
      {kParagraphs, "UTF-16LE", kUtf16LeBom, "UTF-16LE"},
      {kParty, "UTF-16BE", kUtf16BeBom, "UTF-16BE"},
      {kParagraphs, "UTF-16BE", kUtf16BeBom, "UTF-16BE"},
      {kParty, "UTF-16LE", "", "UTF-16LE"},  // no zero byte at all: judged by its characters
      {kParagraphs, "UTF-16LE", "", "UTF-16LE"},
      {kParty, "UTF-16BE", "", "UTF-16BE"},
      {kParagraphs, "UTF-16BE", "", "UTF-16BE"},
      {kParty, "UTF-32LE", kUtf32LeBom, "UTF-32LE"},
      {kParagraphs, "UTF-32BE", kUtf32BeBom, "UTF-32BE"},
      {kMostlyAscii, "UTF-16LE", "", "UTF-16LE"},  // reads as Han both ways: zero bytes decide
      {kMostlyAscii, "UTF-16BE", "", "UTF-16BE"},
      {kParagraphs, "UTF-32LE", "", "UTF-32LE"},
      {kParty, "UTF-32BE", "", "UTF-32BE"},
  };
  for (const Case& c : cases) {
    const std::string bytes = c.bom + encoded(c.text, c.encode_as);
    CAPTURE(c.encode_as);
    CAPTURE(c.bom.size());
    CAPTURE(c.text);
    Result<DecodedText> decoded = decode_bytes(bytes);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == c.expected_encoding);
    CHECK(decoded->utf8 == c.text);
    CHECK(decoded->had_bom == !c.bom.empty());
  }
}

TEST_CASE("decode: short, mostly ASCII GB18030 text is GB18030, not ISO-8859-1") {
  // ucsdet's best guess for these is ISO-8859-1 with a low confidence.
  for (std::string_view text :
       {std::string_view("Contract No. 2026-001, amount 100 yuan, 合同"),
        std::string_view("Total: 1977800 CNY\nSigned 2026-01-05\n甲方：张三\n"),
        std::string_view("No. 11NMB2F042362026202 甲方"),
        // No zero byte, and read as UTF-16 all Han ("Co" is U+6F43, 區 85 5E is U+5E85), but
        // without the punctuation of Chinese prose: not UTF-16.
        std::string_view("Contract區Amount"),
        std::string_view("        區                      ")}) {
    CAPTURE(text);
    Result<DecodedText> decoded = decode_bytes(encoded(text, "GB18030"));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == "GB18030");
    CHECK(decoded->utf8 == text);
  }
}

TEST_CASE("decode: short GB18030 text that ucsdet ranks as EUC-JP or EUC-KR is GB18030") {
  // GB2312 shares their byte ranges: ucsdet scores the first EUC-JP 100, GB18030 88, and the
  // second EUC-KR 100, GB18030 62.
  for (std::string_view text : {std::string_view("建筑、幕墙及外立面装饰、门窗"),
                                std::string_view("劳务分包合同（清包工）\n\n合同")}) {
    CAPTURE(text);
    Result<DecodedText> decoded = decode_bytes(encoded(text, "GB18030"));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == "GB18030");
    CHECK(decoded->utf8 == text);
  }
}

TEST_CASE("decode: UTF-16 full of U+3000 reads the right way round") {
  // Swapped, U+3000 is '0' (text too); the zero bytes of U+3000 sit where ASCII's would in
  // the other byte order.
  const std::string_view text = "　　　　仲裁　　　　　　　　";
  for (std::string_view encoding : {"UTF-16LE", "UTF-16BE"}) {
    CAPTURE(encoding);
    Result<DecodedText> decoded = decode_bytes(encoded(text, encoding));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == encoding);
    CHECK(decoded->utf8 == text);
  }
}

TEST_CASE("decode: other legacy encodings the detector is sure of keep ICU's names") {
  // Over 256 bytes: shorter EUC-JP or EUC-KR is read as GB18030 when that is plausible.
  constexpr std::string_view kJapanese =
      "本契約は、甲と乙の間で締結されるものであり、乙は甲に対し、本契約に定める業務を誠実に"
      "遂行するものとする。甲は乙に対し、業務の対価として別途定める金額を支払うものとする。"
      "本契約の有効期間は、契約締結の日から一年間とする。ただし、期間満了の一か月前までに"
      "甲乙いずれからも書面による申出がないときは、同一条件でさらに一年間更新されるものとし、"
      "以後も同様とする。";
  constexpr std::string_view kKorean =
      "이 계약은 갑과 을 사이에 체결되며, 을은 갑에게 이 계약에서 정한 업무를 성실히 수행하여야 "
      "한다. 갑은 을에게 업무의 대가로 별도로 정한 금액을 지급하여야 한다. 이 계약의 "
      "유효기간은 계약 체결일로부터 1년으로 한다. 다만, 기간 만료 1개월 전까지 어느 "
      "당사자도 서면으로 해지 의사를 표시하지 아니한 경우에는 같은 조건으로 1년간 "
      "연장된 것으로 본다.";
  struct Case {
    std::string_view text;
    std::string_view encoding;
  };
  const std::vector<Case> cases = {
      {kJapanese, "EUC-JP"},
      {kJapanese, "Shift_JIS"},
      {kKorean, "EUC-KR"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.encoding);
    Result<DecodedText> decoded = decode_bytes(encoded(c.text, c.encoding));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == c.encoding);
    CHECK(decoded->utf8 == c.text);
  }
}

TEST_CASE("decode: a requested encoding overrides detection") {
  struct Case {
    std::string bytes;
    std::string_view requested;
    std::string_view expected_encoding;
    std::string_view expected_text;
  };
  const std::vector<Case> cases = {
      {encoded(kParagraphs, "GBK"), "GBK", "GBK", kParagraphs},
      {encoded(kParty, "GB18030"), "gb18030", "GB18030", kParty},
      {kUtf16LeBom + encoded(kParty, "UTF-16LE"), "UTF-16", "UTF-16LE", kParty},
      {kUtf16LeBom + encoded(kParty, "UTF-16LE"), "UTF-16LE", "UTF-16LE", kParty},
      {encoded(kParty, "UTF-16BE"), "UTF-16BE", "UTF-16BE", kParty},
      {encoded(kPartyTraditional, "Big5"), "big5", "Big5", kPartyTraditional},
      // Valid GB18030 too, but the user said Big5.
      {encoded("中文", "GB18030"), "Big5", "Big5", "笢恅"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.requested);
    Result<DecodedText> decoded = decode_bytes(c.bytes, c.requested);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == c.expected_encoding);
    CHECK(decoded->utf8 == c.expected_text);
  }
}

TEST_CASE("decode: a requested encoding drops only its own byte-order mark (fuzz regression)") {
  // decode_fuzzer: FF FE FE FF is U+FFFE after a UTF-16LE mark; encoded again in UTF-16LE it
  // is FE FF, which a requested UTF-16LE used to drop as the UTF-16BE mark, leaving nothing.
  Result<DecodedText> fuzzed = decode_bytes("\xFF\xFE\xFE\xFF");
  REQUIRE_MESSAGE(fuzzed.ok(), fuzzed.error().message());
  CHECK(fuzzed->encoding == "UTF-16LE");
  CHECK(fuzzed->utf8 == "\uFFFE");
  struct Case {
    std::string bytes;
    std::string_view requested;
    std::string_view expected_encoding;
    std::string expected_text;
    bool had_bom;
  };
  const std::vector<Case> cases = {
      {encoded("\uFFFE", "UTF-16LE"), "UTF-16LE", "UTF-16LE", "\uFFFE", false},
      {kUtf16BeBom + encoded(kParty, "UTF-16LE"), "UTF-16LE", "UTF-16LE",
       "\uFFFE" + std::string(kParty), false},
      {kUtf16LeBom + encoded(kParty, "UTF-16BE"), "UTF-16BE", "UTF-16BE",
       "\uFFFE" + std::string(kParty), false},
      // EF BB BF C6 is 锘科 in GB18030, not a UTF-8 mark before text read one byte late.
      {encoded("锘科技有限公司", "GB18030"), "GB18030", "GB18030", "锘科技有限公司", false},
      // The UTF-32LE mark is the UTF-16LE mark and U+0000 in UTF-16.
      {kUtf32LeBom + encoded(kParagraphs, "UTF-16LE"), "UTF-16", "UTF-16LE",
       std::string(1, '\0') + std::string(kParagraphs), true},
      {kUtf32LeBom + encoded(kParty, "UTF-32LE"), "UTF-32", "UTF-32LE", std::string(kParty), true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.requested);
    CAPTURE(c.expected_text);
    Result<DecodedText> decoded = decode_bytes(c.bytes, c.requested);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == c.expected_encoding);
    CHECK(decoded->utf8 == c.expected_text);
    CHECK(decoded->had_bom == c.had_bom);
  }
}

TEST_CASE("decode: a file signature is binary even in a requested encoding (fuzz finding)") {
  // decode_fuzzer: 謟 (U+8B1F) first is 1F 8B in UTF-16LE, the gzip signature. After a BOM
  // it is text; without one the signature decides first, as decode.h says, and the error is
  // loud: the fuzzer's round trip now allows it.
  const std::string text = "\u8B1F\u7370\u30F4\u57B8";
  Result<DecodedText> with_bom = decode_bytes(kUtf16LeBom + encoded(text, "UTF-16LE"));
  REQUIRE_MESSAGE(with_bom.ok(), with_bom.error().message());
  CHECK(with_bom->utf8 == text);
  Result<DecodedText> without = decode_bytes(encoded(text, "UTF-16LE"), "UTF-16LE");
  REQUIRE_FALSE(without.ok());
  CHECK(without.error().kind == ErrorKind::binary);
  CHECK(without.error().reason == "binary file (gzip archive)");
}

TEST_CASE("decode: CRLF and CR line ends are kept") {
  const std::string text = "甲方：上海市大数据中心\r\n乙方：上海科技网络通信有限公司\r丙方：无\r\n";
  for (std::string_view encoding : {"UTF-8", "GB18030", "UTF-16LE"}) {
    CAPTURE(encoding);
    Result<DecodedText> decoded = decode_bytes(encoded(text, encoding));
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->utf8 == text);
  }
}

TEST_CASE("decode: rejections name their kind and reason") {
  const std::string gb18030 = encoded(kParty, "GB18030");
  std::string broken_utf8(kParagraphs);
  const std::size_t cut_at = broken_utf8.find("上海科技");
  broken_utf8.erase(cut_at + 2, 1);  // 上 loses its last byte
  std::string gb18030_with_ff = gb18030;
  gb18030_with_ff.insert(6, "\xFF");
  struct Case {
    std::string_view name;
    std::string bytes;
    std::string_view requested;
    ErrorKind kind;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"no bytes", "", "", ErrorKind::empty, "empty file"},
      {"only a byte-order mark", kUtf8Bom, "", ErrorKind::empty, "empty file"},
      {"white space", " \n\t\xE3\x80\x80\r\n", "", ErrorKind::empty, "contains only white space"},
      {"white space in UTF-16", encoded("\xE3\x80\x80 \r\n", "UTF-16LE"), "UTF-16LE",
       ErrorKind::empty, "contains only white space"},
      {"NUL byte", std::string("甲方：上海市大数据中心\0乙方", 40), "", ErrorKind::binary,
       "binary file (NUL byte at offset 33)"},
      {"NUL byte in forced GB18030", std::string("ab\0cd", 5), "GB18030", ErrorKind::binary,
       "binary file (NUL byte at offset 2)"},
      {"NUL byte after a UTF-8 BOM", kUtf8Bom + std::string("ab\0", 3), "", ErrorKind::binary,
       "binary file (NUL byte at offset 5)"},
      {"PNG header", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "", ErrorKind::binary,
       "binary file (PNG image)"},
      {"DOCX (a ZIP archive)", std::string("PK\x03\x04\x14\0\x06\0", 8), "", ErrorKind::binary,
       "binary file (ZIP archive)"},
      {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "", ErrorKind::binary, "binary file (PDF document)"},
      {"control characters", "abcdefghij\x01", "", ErrorKind::binary,
       "binary file (9.1% control characters)"},
      {"invalid UTF-8 in the middle", broken_utf8, "", ErrorKind::encoding,
       "invalid UTF-8 at byte " + std::to_string(cut_at) + " and not a known legacy encoding"},
      {"truncated GB18030 at the end", gb18030.substr(0, gb18030.size() - 1), "GB18030",
       ErrorKind::encoding, "invalid GB18030 at byte " + std::to_string(gb18030.size() - 2)},
      {"0xFF in forced GB18030", gb18030_with_ff, "GB18030", ErrorKind::encoding,
       "invalid GB18030 at byte 6"},
      {"GB18030 forced as UTF-8", gb18030, "UTF-8", ErrorKind::encoding, "invalid UTF-8 at byte 0"},
      {"truncated UTF-16LE", encoded(kParty, "UTF-16LE") + "x", "UTF-16LE", ErrorKind::encoding,
       "invalid UTF-16LE at byte 32"},
      {"unknown encoding", gb18030, "GB-9999", ErrorKind::usage, "unknown encoding 'GB-9999'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Result<DecodedText> decoded = decode_bytes(c.bytes, c.requested);
    REQUIRE_FALSE_MESSAGE(decoded.ok(), error_of(decoded));
    CHECK(decoded.error().kind == c.kind);
    CHECK(decoded.error().reason == c.reason);
  }
}

TEST_CASE("decode: errors name the file, except a bad --encoding") {
  Result<DecodedText> empty = decode_bytes("");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().message() == "contract.txt: empty file");
  Result<DecodedText> unknown = decode_bytes("x", "GB-9999");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message() == "unknown encoding 'GB-9999'");
}

TEST_CASE("decode: too large") {
  DecodeOptions options;
  options.max_size = 1024;
  struct Case {
    std::size_t size;
    std::size_t max_size;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {2000, 1024, "file is 2000 bytes, over the 1024 bytes limit (--max-size)"},
      {(3u << 20) + (1u << 19), 2u << 20, "file is 3.5 MiB, over the 2 MiB limit (--max-size)"},
      {(2u << 20) + 1, 2u << 20, "file is 2097153 bytes, over the 2 MiB limit (--max-size)"},
  };
  for (const Case& c : cases) {
    options.max_size = c.max_size;
    Result<DecodedText> decoded = decode(std::string(c.size, 'a'), options, "big.txt");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().kind == ErrorKind::too_large);
    CHECK(decoded.error().reason == c.reason);
  }
  options.max_size = 2000;
  CHECK(decode(std::string(2000, 'a'), options, "at-limit.txt").ok());
}

TEST_CASE("read_and_decode: files") {
  const TempDir dir;
  const std::string gb18030 = encoded(kParagraphs, "GB18030");
  SUBCASE("a GB18030 file") {
    Result<DecodedText> decoded = read_and_decode(dir.write("gb.txt", gb18030), DecodeOptions{});
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
    CHECK(decoded->encoding == "GB18030");
    CHECK(decoded->utf8 == kParagraphs);
  }
  SUBCASE("decode errors name the path") {
    const fs::path path = dir.write("empty.txt", "");
    Result<DecodedText> decoded = read_and_decode(path, DecodeOptions{});
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().kind == ErrorKind::empty);
    CHECK(decoded.error().file == path.string());
  }
  SUBCASE("refused by size before reading") {
    const fs::path path = dir.write("huge.txt", "");
    fs::resize_file(path, std::uintmax_t{70} << 20);  // sparse: no disk used
    Result<DecodedText> decoded = read_and_decode(path, DecodeOptions{});
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().kind == ErrorKind::too_large);
    CHECK(decoded.error().reason == "file is 70.0 MiB, over the 64 MiB limit (--max-size)");
    CHECK(decoded.error().file == path.string());
  }
  SUBCASE("io errors") {
    struct Case {
      fs::path path;
      std::string reason;
    };
    const std::vector<Case> cases = {
        {dir.path / "missing.txt", "no such file"},
        {dir.path, "is a directory"},
        {dir.write("plain.txt", "x") / "below.txt", "not a directory"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.path);
      Result<DecodedText> decoded = read_and_decode(c.path, DecodeOptions{});
      REQUIRE_FALSE(decoded.ok());
      CHECK(decoded.error().kind == ErrorKind::io);
      CHECK(decoded.error().reason == c.reason);
      CHECK(decoded.error().file == c.path.string());
    }
  }
  SUBCASE("no read permission") {
    if (::geteuid() == 0) {
      MESSAGE("skipped: root can read any file");
      return;
    }
    const fs::path path = dir.write("locked.txt", gb18030);
    fs::permissions(path, fs::perms::none);
    Result<DecodedText> decoded = read_and_decode(path, DecodeOptions{});
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().kind == ErrorKind::io);
    CHECK(decoded.error().reason == "permission denied");
  }
}

TEST_CASE("encode: errors") {
  Result<std::string> simplified_in_big5 = encode("大数据", "Big5");
  REQUIRE_FALSE(simplified_in_big5.ok());
  CHECK(simplified_in_big5.error().kind == ErrorKind::encoding);
  CHECK(simplified_in_big5.error().reason == "U+6570 cannot be written in Big5");
  Result<std::string> unknown = encode("甲方", "X-NOPE");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().reason == "unknown encoding 'X-NOPE'");
  Result<std::string> invalid = encode("ab\xFF", "GB18030");
  REQUIRE_FALSE(invalid.ok());
  CHECK(invalid.error().reason == "invalid UTF-8 at byte 2");
}

TEST_CASE("decode: the real contracts in GB18030 and UTF-16 without BOM") {
  const fs::path corpus = fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "real";
  if (!fs::is_directory(corpus)) {
    MESSAGE("skipped: no corpus at " << corpus.string());
    return;
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".txt") continue;
    Result<std::string> text = read_file(entry.path(), DecodeOptions{}.max_size);
    REQUIRE(text.ok());
    for (std::string_view encoding : {"GB18030", "UTF-16LE", "UTF-16BE"}) {
      CAPTURE(entry.path().filename().string());
      CAPTURE(encoding);
      Result<DecodedText> decoded = decode_bytes(encoded(text.value(), encoding));
      REQUIRE_MESSAGE(decoded.ok(), decoded.error().message());
      CHECK(decoded->encoding == encoding);
      CHECK(decoded->utf8 == text.value());
    }
  }
}

}  // namespace clause_scan
