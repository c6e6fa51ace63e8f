using System.Reflection;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Metadata
{
    /// <summary>
    /// The trait <c>Requires=Engine</c> (<see cref="RequiresEngineAttribute"/>) is on exactly the test classes that need
    /// root and the machine's programs: those whose code reaches, through any chain of the test assembly's own types, a
    /// type that insists on root (<see cref="Prerequisites.RequireRoot"/>: dockerd, the registry, the local host sandbox),
    /// on the SSH test host's programs, or runs the docker CLI. A new test of the engine cannot forget it, and a pure test
    /// cannot hide in the slow half.
    /// </summary>
    public class EngineTraitTests
    {
        private static readonly string TestAssemblyPath = Path.Combine(AppContext.BaseDirectory, "Containers.Tests.dll");

        private static readonly Lazy<ISet<string>> EngineUsers = new Lazy<ISet<string>>(() =>
            TypeDependencies.Read(TestAssemblyPath).UsersOf(
                MethodCalls.CallersOf(TestAssemblyPath, nameof(Prerequisites.RequireRoot))
                    .Append(typeof(SshTestPrerequisites).FullName!)
                    .Append(typeof(DockerCli).FullName!)));

        // Less this class, which names the fixtures to check them.
        private static IEnumerable<Type> TestClasses => typeof(EngineTraitTests).Assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && !type.IsNested && type != typeof(EngineTraitTests))
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttributes<FactAttribute>().Any()));

        private static bool HasTrait(Type type) => type.GetCustomAttributes<RequiresEngineAttribute>(inherit: true).Any();

        [Fact]
        public void Every_test_class_that_reaches_the_engine_carries_the_trait()
        {
            Assert.Contains(typeof(PrivateEngine).FullName!, EngineUsers.Value);
            Assert.Contains(typeof(TestSshHost).FullName!, EngineUsers.Value);
            Assert.True(HasTrait(typeof(Core.Commands.Containers.UpdateContainerTests)), "an EngineTest inherits the trait");
            List<string> missing = TestClasses.Where(type => EngineUsers.Value.Contains(type.FullName!) && !HasTrait(type)).Select(type => type.FullName!).ToList();
            Assert.True(missing.Count == 0, "These reach the engine's fixtures; give them [RequiresEngine]:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void No_test_class_carries_the_trait_without_reaching_the_engine()
        {
            Assert.Contains(typeof(Core.Parsing.PortMappingParserTests), TestClasses);
            List<string> pure = TestClasses.Where(type => HasTrait(type) && !EngineUsers.Value.Contains(type.FullName!)).Select(type => type.FullName!).ToList();
            Assert.True(pure.Count == 0, "These never reach the engine's fixtures; take [RequiresEngine] off them:\n" + string.Join("\n", pure));
        }
    }
}
