"""Live Interpreter: live speech interpretation on Alibaba Cloud Model Studio (DashScope).

Importing this package starts nothing: no threads, devices, network or QApplication.
"""

__version__ = "0.1.0"
