"use client";

import { Modal } from "antd";
import { RegisterMemberForm } from "./register-member-form";
import type { PickedMember } from "./types";

// The registration form in a dialog that closes on every outcome: registered, already
// registered (the caller searches for that ID number instead) or cancelled.
export function RegisterMemberModal({
  title,
  open,
  onClose,
  onRegistered,
  onDuplicate,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onRegistered: (member: PickedMember) => void;
  onDuplicate: (idNumber: string) => void;
}) {
  return (
    <Modal title={title} open={open} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      <RegisterMemberForm
        onRegistered={(member) => {
          onClose();
          onRegistered(member);
        }}
        onDuplicate={(idNumber) => {
          onClose();
          onDuplicate(idNumber);
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}
