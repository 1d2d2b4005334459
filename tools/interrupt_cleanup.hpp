// Temporary files removed when the command is interrupted (SIGINT, SIGTERM, SIGHUP): the
// handler unlinks every registered temporary, then dies of the same signal, so a target stays
// as it was and nothing is left beside it.
#ifndef ORTAQ_TOOLS_INTERRUPT_CLEANUP_HPP_
#define ORTAQ_TOOLS_INTERRUPT_CLEANUP_HPP_

namespace ortaq::cli {

// Installs the handlers (once; later calls do nothing).
void InstallInterruptCleanup();

// Blocks the handled signals while alive, so that a temporary file cannot be created and then
// missed by the handler before it is registered.
class InterruptsHeld {
 public:
  InterruptsHeld();
  ~InterruptsHeld();
  InterruptsHeld(const InterruptsHeld&) = delete;
  InterruptsHeld& operator=(const InterruptsHeld&) = delete;
};

// `path` must stay valid until Unregister; false when every slot is taken.
bool RegisterTemporary(const char* path);
void UnregisterTemporary(const char* path);

}  // namespace ortaq::cli

#endif  // ORTAQ_TOOLS_INTERRUPT_CLEANUP_HPP_
