#include "interrupt_cleanup.hpp"

#include <array>
#include <atomic>
#include <csignal>

#include <pthread.h>
#include <unistd.h>

namespace ortaq::cli {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// A signal handler can only reach process-wide state; these slots are the one global the
// command keeps, lock-free so that the handler may read them at any moment.
std::array<std::atomic<const char*>, 8> g_temporaries{};
std::atomic<bool> g_installed{false};

extern "C" void RemoveTemporariesAndDie(int signal_number) {
  for (auto& slot : g_temporaries)
    if (const char* path = slot.load()) ::unlink(path);  // async-signal-safe
  std::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

sigset_t HandledSignals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) sigaddset(&set, s);
  return set;
}

}  // namespace

void InstallInterruptCleanup() {
  if (g_installed.exchange(true)) return;
  for (int s : kSignals) {
    struct sigaction old {};
    ::sigaction(s, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring it
    struct sigaction action {};
    action.sa_handler = RemoveTemporariesAndDie;
    sigemptyset(&action.sa_mask);
    ::sigaction(s, &action, nullptr);
  }
}

InterruptsHeld::InterruptsHeld() {
  const sigset_t set = HandledSignals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

InterruptsHeld::~InterruptsHeld() {
  const sigset_t set = HandledSignals();
  ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

bool RegisterTemporary(const char* path) {
  for (auto& slot : g_temporaries) {
    const char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, path)) return true;
  }
  return false;
}

void UnregisterTemporary(const char* path) {
  for (auto& slot : g_temporaries) {
    const char* expected = path;
    if (slot.compare_exchange_strong(expected, nullptr)) return;
  }
}

}  // namespace ortaq::cli
