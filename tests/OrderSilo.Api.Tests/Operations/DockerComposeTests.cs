using System.Text.RegularExpressions;

namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// docker-compose.yml and the Dockerfiles it builds name paths of this repository; these tests read the files
/// (no Docker needed) so that renaming a project, a Dockerfile or sql/ breaks a test instead of the image build.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly Lazy<IReadOnlyList<Entry>> Compose = new(() => ParseYaml(File.ReadAllLines(Path.Combine(Root, "docker-compose.yml"))));

    [Fact]
    public void Compose_BuildContextsAndDockerfiles_ExistInTheRepository()
    {
        var builds = Builds();

        Assert.NotEmpty(builds);
        Assert.All(builds, build =>
        {
            Assert.True(Directory.Exists(build.Context), $"services.{build.Service}.build.context: no directory {build.Context}");
            Assert.True(File.Exists(build.Dockerfile), $"services.{build.Service}.build.dockerfile: no file {build.Dockerfile}");
        });
    }

    [Fact]
    public void Compose_BindMountedPaths_ExistAndNamedVolumesAreDeclared()
    {
        var declared = ChildKeys("volumes");
        var mounts = Compose.Value.Where(e => Regex.IsMatch(e.Path, @"^services\.[^.]+\.volumes\[\]$")).ToList();

        Assert.Contains(mounts, m => IsBindMount(m.Value));
        Assert.All(mounts, mount =>
        {
            var source = mount.Value.Split(':')[0];
            if (IsBindMount(mount.Value))
            {
                var path = Path.GetFullPath(Path.Combine(Root, source));
                Assert.True(Directory.Exists(path) || File.Exists(path), $"{mount.Path}: '{mount.Value}' mounts {path}, which does not exist");
            }
            else
            {
                Assert.True(declared.Contains(source), $"{mount.Path}: '{mount.Value}' uses volume '{source}', not declared under the top-level volumes");
            }
        });
    }

    [Fact]
    public void Dockerfiles_CopySources_ExistInTheBuildContextAndAreNotIgnored()
    {
        var builds = Builds();
        var copies = builds.SelectMany(build => Instructions(build.Dockerfile)
            .Where(i => i.StartsWith("COPY ", StringComparison.OrdinalIgnoreCase))
            .Select(i => (Build: build, Arguments: i.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..])))
            .Where(c => !c.Arguments.Any(a => a.StartsWith("--from=", StringComparison.Ordinal)))
            .ToList();

        Assert.True(copies.Count >= builds.Count, $"Expected a COPY from the build context in each Dockerfile, found {copies.Count}");
        Assert.All(copies, copy =>
        {
            var sources = copy.Arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).SkipLast(1).ToList();
            var where = $"{Path.GetRelativePath(Root, copy.Build.Dockerfile)}: COPY {string.Join(' ', copy.Arguments)}";
            Assert.True(sources.Count > 0, $"{where}: no source");
            var ignore = DockerIgnore(copy.Build.Context);
            foreach (var source in sources.Where(s => !IsGlob(s)))
            {
                var path = Path.Combine(copy.Build.Context, source);
                Assert.True(Directory.Exists(path) || File.Exists(path), $"{where}: '{source}' is not in the build context {copy.Build.Context}");
                Assert.False(IsIgnored(ignore, source), $"{where}: '{source}' is excluded by .dockerignore");
            }
            // Docker fails a COPY whose sources all match nothing, globs included.
            Assert.True(sources.Any(s => Matches(copy.Build.Context, s).Any(m => !IsIgnored(ignore, m))), $"{where}: no source matches a file of the build context");
        });
    }

    [Fact]
    public void Dockerfiles_PublishProjectsThatExistAndAreCopiedIn()
    {
        var builds = Builds();

        Assert.All(builds, build =>
        {
            var instructions = Instructions(build.Dockerfile);
            var projects = instructions
                .Select(i => PublishProject().Match(i))
                .Where(m => m.Success)
                .Select(m => m.Groups["project"].Value)
                .ToList();
            var where = Path.GetRelativePath(Root, build.Dockerfile);
            Assert.True(projects.Count > 0, $"{where}: no 'dotnet publish <project>'");
            var copied = instructions
                .Where(i => i.StartsWith("COPY ", StringComparison.OrdinalIgnoreCase) && !i.Contains("--from=", StringComparison.Ordinal))
                .SelectMany(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
                .ToList();
            foreach (var project in projects)
            {
                Assert.True(File.Exists(Path.Combine(build.Context, project)), $"{where}: publishes {project}, which is not in the build context");
                Assert.True(copied.Any(c => !IsGlob(c) && project.StartsWith(c.TrimEnd('/') + "/", StringComparison.Ordinal)),
                    $"{where}: publishes {project}, but no COPY brings its folder into the image");
            }
        });
    }

    [Fact]
    public void Compose_RunsPostgresWithTheSchemaTwoSilosAndTheApiHost()
    {
        var services = ChildKeys("services");

        Assert.Contains("postgres", services);
        Assert.StartsWith("postgres:", Value("services.postgres.image"));
        Assert.Contains(Values("services.postgres.volumes[]"), v => Regex.IsMatch(v, @"^\./sql/?:/docker-entrypoint-initdb\.d/?(:ro)?$"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "sql"), "*.sql"));

        var builds = Builds();
        var silos = builds.Where(b => PublishesProject(b, "OrderSilo.Silo")).ToList();
        var siloCount = silos.Sum(s => int.Parse(Value($"services.{s.Service}.deploy.replicas") ?? "1", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(siloCount >= 2, $"Expected at least two silos, found {siloCount} in services {string.Join(", ", silos.Select(s => s.Service))}");

        var api = Assert.Single(builds, b => PublishesProject(b, "OrderSilo.Api"));
        Assert.Contains(Values($"services.{api.Service}.ports[]"), p => p.EndsWith(":5080", StringComparison.Ordinal));
    }

    private sealed record Entry(string Path, string Value);

    private sealed record Build(string Service, string Context, string Dockerfile);

    /// <summary>
    /// The block-style YAML of a compose file as (dotted path, value) pairs: <c>services.silo.build.context</c>,
    /// list items as <c>services.postgres.volumes[]</c>. Flow values (<c>[..]</c>) stay one string.
    /// </summary>
    private static List<Entry> ParseYaml(IEnumerable<string> lines)
    {
        var entries = new List<Entry>();
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in lines)
        {
            if (raw.TrimStart().StartsWith('#') || raw.Trim().Length == 0)
                continue;
            Assert.DoesNotContain('\t', raw);
            var indent = raw.Length - raw.TrimStart().Length;
            var text = raw.Trim();
            if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                // A list item belongs to the nearest key above it at its indent or less.
                stack.RemoveAll(s => s.Indent > indent);
                entries.Add(new Entry(string.Join('.', stack.Select(s => s.Key)) + "[]", Unquote(text[2..])));
                continue;
            }
            var key = YamlKey().Match(text);
            Assert.True(key.Success, $"docker-compose.yml: a line this test does not understand: '{raw}'");
            stack.RemoveAll(s => s.Indent >= indent);
            stack.Add((indent, key.Groups["key"].Value));
            entries.Add(new Entry(string.Join('.', stack.Select(s => s.Key)), Unquote(key.Groups["value"].Value)));
        }
        return entries;
    }

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0] ? trimmed[1..^1] : trimmed;
    }

    private static string? Value(string path) => Compose.Value.LastOrDefault(e => e.Path == path)?.Value is { Length: > 0 } v ? v : null;

    private static List<string> Values(string path) => [.. Compose.Value.Where(e => e.Path == path).Select(e => e.Value)];

    private static HashSet<string> ChildKeys(string parent) =>
        [.. Compose.Value.Select(e => e.Path).Where(p => p.StartsWith(parent + ".", StringComparison.Ordinal))
            .Select(p => p[(parent.Length + 1)..].Split('.')[0].TrimEnd('[', ']'))];

    /// <summary>Every service's build, in either the short (<c>build: ./dir</c>) or the long form.</summary>
    private static List<Build> Builds() =>
        [.. ChildKeys("services")
            .Select(service => (Service: service, Short: Value($"services.{service}.build"), Context: Value($"services.{service}.build.context")))
            .Where(s => s.Short is not null || s.Context is not null)
            .Select(s =>
            {
                var context = Path.GetFullPath(Path.Combine(Root, s.Short ?? s.Context!));
                return new Build(s.Service, context, Path.GetFullPath(Path.Combine(context, Value($"services.{s.Service}.build.dockerfile") ?? "Dockerfile")));
            })];

    private static bool PublishesProject(Build build, string project) =>
        File.Exists(build.Dockerfile) && Instructions(build.Dockerfile).Any(i => PublishProject().Match(i) is { Success: true } m
            && Path.GetFileNameWithoutExtension(m.Groups["project"].Value) == project);

    private static bool IsBindMount(string volume) => volume.StartsWith('.') || volume.StartsWith('/') || volume.StartsWith('~');

    /// <summary>A Dockerfile's instructions, one a line: comments dropped, continuation lines joined.</summary>
    private static List<string> Instructions(string dockerfile)
    {
        var instructions = new List<string>();
        var current = "";
        foreach (var raw in File.ReadAllLines(dockerfile))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
                continue;
            current += " " + line.TrimEnd('\\');
            if (!line.EndsWith('\\'))
            {
                instructions.Add(Regex.Replace(current.Trim(), @"\s+", " "));
                current = "";
            }
        }
        return instructions;
    }

    private static bool IsGlob(string source) => source.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The context-relative paths a COPY source names (a glob matches only in its own folder here).</summary>
    private static IEnumerable<string> Matches(string context, string source)
    {
        if (!IsGlob(source))
            return Directory.Exists(Path.Combine(context, source)) || File.Exists(Path.Combine(context, source)) ? [source.TrimEnd('/')] : [];
        var folder = Path.GetDirectoryName(source) ?? "";
        var directory = Path.Combine(context, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFileSystemEntries(directory, Path.GetFileName(source)).Select(p => Path.GetRelativePath(context, p))
            : [];
    }

    private static List<(Regex Pattern, bool Negated)> DockerIgnore(string context)
    {
        var file = Path.Combine(context, ".dockerignore");
        if (!File.Exists(file))
            return [];
        return [.. File.ReadAllLines(file)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Negated: l.StartsWith('!'), Glob: l.TrimStart('!').Trim('/')))
            .Select(p => (new Regex("^" + Regex.Escape(p.Glob).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
                .Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal)
                .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$"), p.Negated))];
    }

    /// <summary>True when .dockerignore leaves the path (or a folder above it) out of the build context; the last match wins.</summary>
    private static bool IsIgnored(List<(Regex Pattern, bool Negated)> ignore, string source)
    {
        var parts = source.Trim('/').Split('/');
        var prefixes = Enumerable.Range(1, parts.Length).Select(n => string.Join('/', parts.Take(n))).ToList();
        var ignored = false;
        foreach (var (pattern, negated) in ignore)
        {
            if (prefixes.Any(pattern.IsMatch))
                ignored = !negated;
        }
        return ignored;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.<\-]+):(?:\s+(?<value>.*))?$")]
    private static partial Regex YamlKey();

    [GeneratedRegex(@"\bdotnet publish (?:-\S+ (?:\S+ )?)*(?<project>[^\s-][^\s]*\.(?:cs|fs)proj)\b")]
    private static partial Regex PublishProject();
}
