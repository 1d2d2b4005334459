"""`cmake --install` puts the module where PYTHONPATH=$PREFIX/lib/python3/dist-packages finds it
(for the prefix /usr, where Debian's python3 looks), and the installed module works from there."""
import os
import subprocess
import sys
import tempfile
import unittest

BUILD_DIR = os.environ["ORTAQ_BUILD_DIR"]
CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
PACKAGE_DIR = os.environ.get("ORTAQ_PYTHON_INSTALL_DIR", "lib/python3/dist-packages")


class InstalledModuleTest(unittest.TestCase):
    def test_import_from_the_prefix(self):
        with tempfile.TemporaryDirectory() as prefix:
            subprocess.run([CMAKE, "--install", BUILD_DIR, "--prefix", prefix], check=True, capture_output=True)
            site = os.path.join(prefix, PACKAGE_DIR)
            self.assertTrue(os.path.isfile(os.path.join(site, "ortaq", "__init__.py")))
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            env["PYTHONPATH"] = site
            script = ("import ortaq; print(ortaq.__file__); "
                      "print(ortaq.convert('Абай Құнанбайұлы', 'kk-Cyrl', 'cta-2024'))")
            result = subprocess.run([sys.executable, "-c", script], env=env, cwd=prefix, capture_output=True,
                                    text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            where, converted = result.stdout.splitlines()
            self.assertTrue(where.startswith(site), where)
            self.assertEqual(converted, "Abay Qūnanbayūlı")


if __name__ == "__main__":
    unittest.main()
