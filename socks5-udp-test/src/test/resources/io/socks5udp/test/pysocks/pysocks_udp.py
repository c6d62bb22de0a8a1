# Copyright 2026 the socks5-udp authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

"""Send one datagram through a SOCKS5 proxy with PySocks, an independent client.

Usage: pysocks_udp.py PROXY_HOST PROXY_PORT DST_HOST DST_PORT PAYLOAD_HEX [--receive]
                      [--username NAME --password PASSWORD]

Prints "SENT <bytes>" after sending; with --receive, waits for one datagram and prints
"RECEIVED <source host> <source port> <payload hex>". Exits 2 on a SOCKS error.
"""

import argparse
import socket
import sys

import socks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("proxy_host")
    parser.add_argument("proxy_port", type=int)
    parser.add_argument("dst_host")
    parser.add_argument("dst_port", type=int)
    parser.add_argument("payload_hex")
    parser.add_argument("--receive", action="store_true")
    parser.add_argument("--username")
    parser.add_argument("--password")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    sock = socks.socksocket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.set_proxy(socks.SOCKS5, args.proxy_host, args.proxy_port,
                   username=args.username, password=args.password)
    sock.settimeout(args.timeout)
    try:
        sent = sock.sendto(bytes.fromhex(args.payload_hex), (args.dst_host, args.dst_port))
        print("SENT", sent, flush=True)
        if args.receive:
            payload, (host, port) = sock.recvfrom(65535)
            print("RECEIVED", host, port, payload.hex(), flush=True)
    except socks.ProxyError as ex:
        print("SOCKS-ERROR", ex, flush=True)
        return 2
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
