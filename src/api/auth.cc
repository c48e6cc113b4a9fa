#include "api/auth.h"

#include <openssl/crypto.h>

#include <cstdlib>
#include <fstream>

namespace sitrep::api {

namespace {

std::string_view TrimSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Result<ResolvedToken> Check(std::string_view token, std::string source) {
  token = TrimSpace(token);
  if (token.size() < kMinTokenBytes) {
    return Status(
        ErrorKind::kInvalidArgument,
        "the access token must be at least " + std::to_string(kMinTokenBytes) + " bytes long",
        source);
  }
  for (char c : token) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7F) {
      return Status(ErrorKind::kInvalidArgument,
                    "the access token must not contain spaces or control characters", source);
    }
  }
  return ResolvedToken{std::string(token), std::move(source)};
}

const char* Env(const char* name) {
  const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at startup
  return (v != nullptr && *v != '\0') ? v : nullptr;
}

}  // namespace

std::string DefaultTokenFile() {
  if (const char* f = Env("SITREP_TOKEN_FILE")) return f;
  if (const char* xdg = Env("XDG_CONFIG_HOME")) return std::string(xdg) + "/sitrep/token";
  if (const char* home = Env("HOME")) return std::string(home) + "/.config/sitrep/token";
  return "";
}

Result<ResolvedToken> ResolveToken(std::string_view from_options) {
  if (!from_options.empty()) return Check(from_options, "option");
  if (const char* env = Env("SITREP_TOKEN")) return Check(env, "environment (SITREP_TOKEN)");
  std::string path = DefaultTokenFile();
  if (path.empty()) return ResolvedToken{};
  std::ifstream in(path);
  if (!in) return ResolvedToken{};  // no file: no token
  std::string line;
  std::getline(in, line);
  if (TrimSpace(line).empty()) return ResolvedToken{};
  return Check(line, path);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool BearerMatches(std::string_view authorization, std::string_view token) {
  if (token.empty()) return false;
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return false;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char c = authorization[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return false;
  }
  std::string_view given = TrimSpace(authorization.substr(kScheme.size()));
  return ConstantTimeEquals(given, token);
}

}  // namespace sitrep::api
