/**
 * Token and password secrets. API tokens are 384 random bits, so a fast hash (SHA-256) is enough
 * to keep them unreadable at rest and lets every request find its token with one indexed lookup.
 * v1 passwords are chosen by people, so they get a slow, salted hash (Bun.password, argon2id).
 */
import { createHash, randomBytes } from "node:crypto";

export function generateToken(): string {
  // base64url: no `+` or `/`, so the token also survives unescaped in a `p=` query parameter.
  return randomBytes(48).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hashPassword(password: string): Promise<string> {
  return Bun.password.hash(password);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return Bun.password.verify(password, hash);
}
