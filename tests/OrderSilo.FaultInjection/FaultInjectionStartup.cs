using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrderSilo.FaultInjection;
using Orleans;

[assembly: HostingStartup(typeof(FaultInjectionStartup))]

namespace OrderSilo.FaultInjection;

/// <summary>Adds <see cref="RandomFaults"/> to every grain call a silo receives (ASPNETCORE_HOSTINGSTARTUPASSEMBLIES).</summary>
public sealed class FaultInjectionStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IIncomingGrainCallFilter>(RandomFaults.FromEnvironment()));
}
