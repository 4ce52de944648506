using System.Net;
using System.Net.Sockets;

namespace OrderSilo.Testing;

/// <summary>
/// Ports for the hosts a test starts. Taken below the kernel's ephemeral range (32768 and up on Linux): a port the
/// kernel hands out for port 0 can be taken by any outgoing connection in the seconds before the host binds it
/// ("address already in use"), a port below that range only by another listener. Each process starts at its own
/// offset and never hands out a port twice.
/// </summary>
internal static class FreePort
{
    private const int First = 20000;
    private const int Count = 12000;
    private static int _next = (Environment.ProcessId * 37) % Count;

    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (Interlocked.Increment(ref _next) & int.MaxValue) % Count;
            if (IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"No free port from {First} to {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            // Silos listen on every address: probe the same way.
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, port));
            listener.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
