import path from 'node:path';
import { AgentError, exitCodes } from '../errors.ts';
import type { Argv } from './service-definitions.ts';

/**
 * The C# source of the Windows service host. A Windows service must answer the service control
 * manager, which a Node single executable cannot; so `service install` compiles this small
 * program on the machine, with the .NET Framework's own compiler, and registers it as the
 * service that runs the agent. No binary is downloaded and none is kept in this repository.
 *
 * The agent's path is the host's one command-line argument (see `Main`). The host stops the
 * agent with Ctrl+C, on which it ends cleanly, and kills its process tree when that fails.
 */
export const windowsServiceHostSource = String.raw`
// The Chamados agent's Windows service host. "chamados-agent service install" writes this file
// and compiles it with the C# compiler of the .NET Framework 4.x that every Windows has; that
// compiler knows C# 5 only, so nothing newer is used here.
//
// A Windows service must answer the service control manager (SCM), which ends one that has not
// reported itself running within 30 seconds. The agent is a Node program and cannot; this host
// answers the SCM instead and runs the agent as its child process.
using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Security.Principal;
using System.ServiceProcess;
using System.Text;
using System.Threading;

class ChamadosAgentService : ServiceBase
{
    // The pause systemd and launchd also leave between the agent's restarts.
    const int RestartDelayMs = 10000;
    // How long the agent has to end after Ctrl+C, and again after the kill.
    const int StopGraceMs = 5000;
    const long RotateAboveBytes = 10L * 1024 * 1024;

    readonly string agentPath;
    readonly string logPath;
    readonly ManualResetEvent stopping = new ManualResetEvent(false);
    // Guards child and the setting of stopping, so that a stop cannot slip in between the
    // supervisor's look at stopping and its start of a new agent.
    readonly object childLock = new object();
    readonly object logLock = new object();
    Thread supervisor;
    Process child;
    StreamWriter log;

    ChamadosAgentService(string agentPath, string logPath)
    {
        ServiceName = "ChamadosAgent";
        this.agentPath = agentPath;
        this.logPath = logPath;
    }

    // The agent's path is the host's only argument, in the service's command line: the SCM
    // keeps it, services.msc shows it, and there is no second file to fall out of step with.
    // Windows paths cannot contain a double quote, so the quoted path always comes back whole.
    static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("Usage: chamados-agent-service.exe <chamados-agent.exe>");
            Console.Error.WriteLine("The service control manager starts it as ChamadosAgent.");
            return 2;
        }
        string programData =
            Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData);
        ServiceBase.Run(
            new ChamadosAgentService(args[0], Path.Combine(programData, "Chamados", "agent.log")));
        return 0;
    }

    protected override void OnStart(string[] startArguments)
    {
        // Failing the start puts the reason in the Application event log, where a service that
        // retried a missing program every ten seconds would only fill its own log.
        if (!File.Exists(agentPath))
        {
            throw new FileNotFoundException("The agent executable is missing: " + agentPath);
        }
        OpenLog();
        // A background thread cannot keep the process alive once the service has stopped.
        supervisor = new Thread(Supervise);
        supervisor.IsBackground = true;
        supervisor.Start();
    }

    protected override void OnStop()
    {
        // Enough for the slowest stop below, so that the SCM does not report a hung service.
        RequestAdditionalTime(4 * StopGraceMs);
        // Held through the stop, so that the supervisor can neither start another agent nor
        // dispose of this one meanwhile.
        lock (childLock)
        {
            stopping.Set();
            if (child != null) StopAgent(child);
        }
        // Lets the supervisor write its last line and close the log.
        supervisor.Join(StopGraceMs);
    }

    // Runs the agent, and again RestartDelayMs after each exit, until the service stops.
    void Supervise()
    {
        do
        {
            Process agent = StartAgent();
            if (agent == null) continue;

            // Without a timeout, WaitForExit also waits for the end of the agent's output, so its
            // last lines, often the reason it ended, are logged before the process is disposed.
            // Node keeps its output handles from the programs it starts, so none of those can
            // hold the output open once the agent is gone.
            agent.WaitForExit();
            int exitCode;
            lock (childLock)
            {
                child = null;
                exitCode = agent.ExitCode;
                agent.Dispose();
            }
            if (stopping.WaitOne(0)) Log("info", "service.agent-stopped code=" + exitCode);
            else Log("warn", "service.agent-exited code=" + exitCode + " restart_in=10s");
        } while (!stopping.WaitOne(RestartDelayMs));

        Log("info", "service.stopped");
        lock (logLock)
        {
            if (log != null) log.Dispose();
            log = null;
        }
    }

    // The agent with argument "run", windowless, its output going to the log. Null when the
    // service is stopping, or when the agent could not be started (the supervisor retries).
    Process StartAgent()
    {
        ProcessStartInfo start = new ProcessStartInfo(agentPath, "run");
        start.UseShellExecute = false; // required to redirect the output
        start.CreateNoWindow = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = new UTF8Encoding(false);
        start.StandardErrorEncoding = new UTF8Encoding(false);
        // A service starts in System32; the agent's own folder is a better place to run in.
        start.WorkingDirectory = Path.GetDirectoryName(agentPath);
        Process agent = new Process();
        agent.StartInfo = start;
        agent.OutputDataReceived += LogOutput;
        agent.ErrorDataReceived += LogOutput;

        lock (childLock)
        {
            if (stopping.WaitOne(0)) return null;
            try
            {
                agent.Start();
            }
            catch (Exception e)
            {
                // Whatever the reason, trying again later beats ending the service.
                Log("error", "service.agent-start-failed error=" + Quote(e.Message));
                agent.Dispose();
                return null;
            }
            child = agent;
        }
        Log("info", "service.agent-started pid=" + agent.Id);
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();
        return agent;
    }

    // Node turns Ctrl+C into SIGINT, on which the agent ends cleanly. Killing is the fallback,
    // and it takes the whole process tree: Process.Kill in the .NET Framework would end the
    // agent alone, leaving behind any inventory tool it was running.
    void StopAgent(Process agent)
    {
        // It may have ended already, its output still being logged.
        if (agent.HasExited) return;
        bool asked = SendCtrlC(agent.Id);
        if (asked && agent.WaitForExit(StopGraceMs)) return;

        string reason = asked ? "still running after Ctrl+C" : "Ctrl+C could not be sent";
        Log("warn", "service.agent-killed reason=" + Quote(reason));
        KillTree(agent.Id);
        if (agent.WaitForExit(StopGraceMs)) return;
        try
        {
            // The last resort, should taskkill have failed: the agent alone.
            agent.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended after all.
        }
        catch (Win32Exception)
        {
            // It is ending already, or cannot be ended; the stop goes on either way.
        }
    }

    static void KillTree(int processId)
    {
        string taskkill = Path.Combine(Environment.SystemDirectory, "taskkill.exe");
        ProcessStartInfo start = new ProcessStartInfo(taskkill, "/F /T /PID " + processId);
        start.UseShellExecute = false;
        start.CreateNoWindow = true;
        try
        {
            using (Process killer = Process.Start(start)) killer.WaitForExit(StopGraceMs);
        }
        catch (Win32Exception)
        {
            // taskkill could not be started; the caller falls back to Process.Kill.
        }
    }

    [DllImport("kernel32.dll", SetLastError = true)]
    static extern bool AttachConsole(uint processId);

    [DllImport("kernel32.dll", SetLastError = true)]
    static extern bool FreeConsole();

    [DllImport("kernel32.dll", SetLastError = true)]
    static extern bool SetConsoleCtrlHandler(IntPtr handler, bool add);

    [DllImport("kernel32.dll", SetLastError = true)]
    static extern bool GenerateConsoleCtrlEvent(uint ctrlEvent, uint processGroupId);

    // Ctrl+C can only be sent on a console one is attached to, and a service has none: the
    // host attaches to the agent's windowless console just long enough to send it.
    static bool SendCtrlC(int processId)
    {
        // One can be attached to a single console only; a service normally has none to leave.
        FreeConsole();
        if (!AttachConsole((uint)processId)) return false;
        // Ctrl+C reaches every process on the console, this one now included: ignore it here.
        // Children inherit this setting, but no agent is started once the service is stopping.
        SetConsoleCtrlHandler(IntPtr.Zero, true);
        bool sent = GenerateConsoleCtrlEvent(0 /* CTRL_C_EVENT */, 0 /* the whole console */);
        FreeConsole();
        return sent;
    }

    // Rotated only here, when the service starts, which includes every boot; between boots the
    // log grows unchecked, which at the agent's usual few lines an hour is harmless.
    void OpenLog()
    {
        try
        {
            CreateFolder(Path.GetDirectoryName(logPath));
            FileInfo current = new FileInfo(logPath);
            if (current.Exists && current.Length > RotateAboveBytes)
            {
                File.Delete(logPath + ".1"); // File.Move will not replace a file
                File.Move(logPath, logPath + ".1");
            }
            // Shared for reading and writing, so an administrator can follow the log meanwhile.
            FileStream file =
                new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            log = new StreamWriter(file, new UTF8Encoding(false));
            log.AutoFlush = true;
        }
        catch (Exception e)
        {
            // The agent matters more than its log: it runs without, and the event log says why.
            EventLog.WriteEntry("Not logging to " + logPath + ": " + e.Message,
                EventLogEntryType.Warning);
        }
    }

    // The folder normally exists: it holds the agent's state, and only an enrolled agent can be
    // installed. Otherwise it gets the access the agent would give it, SYSTEM and the
    // Administrators only, since the agent restricts the folder only when it creates it itself.
    static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder)) return;
        DirectorySecurity security = new DirectorySecurity();
        security.SetAccessRuleProtection(true, false);
        WellKnownSidType[] owners =
            { WellKnownSidType.LocalSystemSid, WellKnownSidType.BuiltinAdministratorsSid };
        foreach (WellKnownSidType owner in owners)
        {
            security.AddAccessRule(new FileSystemAccessRule(
                new SecurityIdentifier(owner, null),
                FileSystemRights.FullControl,
                InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit,
                PropagationFlags.None,
                AccessControlType.Allow));
        }
        Directory.CreateDirectory(folder, security);
    }

    void LogOutput(object sender, DataReceivedEventArgs line)
    {
        if (line.Data != null) WriteLine(line.Data);
    }

    // Lines of the host's own, in the agent's format: time, level, event, key=value fields.
    void Log(string level, string eventAndFields)
    {
        string at = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            CultureInfo.InvariantCulture);
        WriteLine(at + " " + level + " " + eventAndFields);
    }

    void WriteLine(string line)
    {
        lock (logLock)
        {
            if (log == null) return;
            try
            {
                log.WriteLine(line);
            }
            catch (IOException)
            {
                // A full disk must not end the service; the line is lost, the agent keeps going.
            }
        }
    }

    static string Quote(string value)
    {
        string escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"");
        return "\"" + escaped.Replace("\r", " ").Replace("\n", " ") + "\"";
    }
}
`.trimStart();

/** The .NET Framework 4.x folders that hold csc.exe; 32-bit Windows has only the second. */
const compilerFolders = [
  String.raw`Microsoft.NET\Framework64\v4.0.30319`,
  String.raw`Microsoft.NET\Framework\v4.0.30319`,
];

/**
 * The .NET Framework's C# compiler, which comes with the .NET Framework 4.x: part of every
 * Windows since 8 and Server 2012, so missing only from a damaged or stripped-down system.
 * `windir` is `%WINDIR%`; `exists` is injected so the lookup can be tested anywhere.
 */
export function findCsc(options: {
  windir: string | undefined;
  exists: (file: string) => boolean;
}): string {
  const { windir } = options;
  const hint =
    'Turn on the .NET Framework 4.8 in "Turn Windows features on or off", then install again.';
  if (windir === undefined || windir === '') {
    throw new AgentError('WINDIR is not set, so csc.exe cannot be found.', exitCodes.failed, hint);
  }

  const candidates = compilerFolders.map((folder) => path.win32.join(windir, folder, 'csc.exe'));
  const found = candidates.find((file) => options.exists(file));
  if (found !== undefined) return found;
  throw new AgentError(
    `The .NET Framework C# compiler is not installed: neither ${candidates.join(' nor ')} exists.`,
    exitCodes.failed,
    hint,
  );
}

/**
 * The command that compiles the host. `/target:exe` makes a console program, which for a
 * service is as good as a windowed one: services run in session 0, where nobody sees a window.
 */
export function cscArgv(options: { csc: string; source: string; output: string }): Argv {
  return [
    options.csc,
    '/nologo',
    '/target:exe',
    `/out:${options.output}`,
    '/reference:System.ServiceProcess.dll',
    options.source,
  ];
}
